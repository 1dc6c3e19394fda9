//! Every sentence of an explanation, in English and Japanese, in one place: the verdicts of
//! statements, the steps of the decision path, the flowchart's questions and answers, and the
//! lines of [`super::Explanation::render`]. AWS's terms are written as AWS's Japanese
//! documentation writes them (docs/style-ja.md); element names (`Action`, `Resource`, …),
//! action names, ARNs, operators and AWS's decision values (`allowed`, `implicitDeny`, …) stay
//! as they are in both languages.

use crate::eval::decide::{Decision, Outcome, PolicyKind, Reason};
use crate::eval::request::Request;
use crate::lang::Lang;

use super::{Answer, ConditionFailure, ConditionText, Gate, PathStep, StatementTrace, Verdict};

/// `en` or `ja` by `lang`.
fn pick<T>(lang: Lang, en: T, ja: T) -> T {
    match lang {
        Lang::En => en,
        Lang::Ja => ja,
    }
}

impl ConditionText {
    /// The condition as one line: `Bool aws:MultiFactorAuthPresent ["true"]`.
    pub fn text(&self) -> String {
        format!("{} {} {:?}", self.operator, self.key, self.values)
    }
}

impl Verdict {
    /// The verdict in words: `applies`, or `does not apply: ` and the reason.
    pub fn text(&self, lang: Lang) -> String {
        let not = |en: &str, ja: &str| {
            pick(
                lang,
                format!("does not apply: {en}"),
                format!("該当しません: {ja}"),
            )
        };
        match self {
            Verdict::Applies => pick(lang, "applies", "該当します").to_string(),
            Verdict::ActionExcluded => not(
                "the action is listed in NotAction",
                "アクションが NotAction 要素に含まれています",
            ),
            Verdict::ActionNotListed => not(
                "the action is not in Action",
                "アクションが Action 要素に含まれていません",
            ),
            Verdict::ResourceExcluded => not(
                "the resource is listed in NotResource",
                "リソースが NotResource 要素に含まれています",
            ),
            Verdict::ResourceNotMatched => not(
                "the resource does not match Resource",
                "リソースが Resource 要素に一致しません",
            ),
            Verdict::PrincipalNotNamed => not(
                "the caller is not the statement's principal",
                "呼び出し元はこのステートメントのプリンシパルではありません",
            ),
            Verdict::VariableUnresolved => not(
                "a policy variable has no value in the request",
                "ポリシー変数の値がリクエストにありません",
            ),
            Verdict::ConditionFalse { condition, why } => {
                let name = condition.text();
                let key = if condition.key.is_empty() {
                    "?"
                } else {
                    condition.key.as_str()
                };
                match why {
                    ConditionFailure::KeyMissing => not(
                        &format!("condition `{name}` is false because the request has no `{key}`"),
                        &format!("リクエストに `{key}` がないため、条件 `{name}` を満たしません"),
                    ),
                    ConditionFailure::NoMatch => not(
                        &format!("condition `{name}` is false for the request's values"),
                        &format!("リクエストの値は条件 `{name}` を満たしません"),
                    ),
                }
            }
        }
    }
}

impl PathStep {
    /// The step in words.
    pub fn text(self, lang: Lang) -> String {
        let s = |en: &'static str, ja: &'static str| pick(lang, en, ja).to_string();
        match self {
            PathStep::AlwaysAllowed => s(
                "sts:GetCallerIdentity needs no permission and cannot be denied → allowed",
                "sts:GetCallerIdentity は権限不要で、拒否もできません → allowed",
            ),
            PathStep::ExplicitDeny => s(
                "an explicit Deny applies → explicitDeny (a deny always wins)",
                "明示的な拒否 (Deny) が該当します → explicitDeny (明示的な拒否は常に優先されます)",
            ),
            PathStep::NoExplicitDeny => s(
                "no explicit Deny applies",
                "該当する明示的な拒否 (Deny) はありません",
            ),
            PathStep::ScpsAllow => s(
                "every SCP level allows the action",
                "すべての組織レベルの SCP がアクションを許可しています",
            ),
            PathStep::ScpDenies { level } => pick(
                lang,
                format!("no SCP at organization level {level} allows the action → implicitDeny"),
                format!(
                    "組織レベル {level} の SCP はどれもアクションを許可していません → implicitDeny"
                ),
            ),
            PathStep::NoScps => s(
                "no SCPs (not in an organization)",
                "SCP はありません (組織に属していません)",
            ),
            PathStep::NoResourcePolicy => s(
                "no resource-based policy",
                "リソースベースのポリシーはありません",
            ),
            PathStep::ResourcePolicyGrants => s(
                "the resource-based policy grants it to this principal → allowed",
                "リソースベースのポリシーがこのプリンシパルに許可しています → allowed",
            ),
            PathStep::ResourcePolicyAllows => s(
                "the resource-based policy allows it",
                "リソースベースのポリシーが許可しています",
            ),
            PathStep::ResourcePolicyDenies => s(
                "the resource-based policy does not allow it",
                "リソースベースのポリシーは許可していません",
            ),
            PathStep::Identity { allows: true } => s(
                "an identity-based policy allows it",
                "アイデンティティベースのポリシーが許可しています",
            ),
            PathStep::Identity { allows: false } => s(
                "no identity-based policy allows it",
                "許可しているアイデンティティベースのポリシーはありません",
            ),
            PathStep::Boundary { allows: true } => s(
                "the permissions boundary allows it",
                "アクセス許可の境界が許可しています",
            ),
            PathStep::Boundary { allows: false } => s(
                "the permissions boundary does not allow it",
                "アクセス許可の境界は許可していません",
            ),
            PathStep::Session { allows: true } => s(
                "the session policy allows it",
                "セッションポリシーが許可しています",
            ),
            PathStep::Session { allows: false } => s(
                "the session policy does not allow it",
                "セッションポリシーは許可していません",
            ),
            PathStep::CrossAccount => s(
                "cross-account: both the identity side and the resource's policy must allow",
                "クロスアカウント: アイデンティティ側のポリシーとリソースのポリシーの両方が許可する必要があります",
            ),
        }
    }
}

impl Gate {
    /// The flowchart's question for this gate.
    pub fn question(self, lang: Lang) -> &'static str {
        match self {
            Gate::ExplicitDeny => pick(
                lang,
                "Does an explicit Deny apply in any policy?",
                "どこかのポリシーで明示的な Deny が該当？",
            ),
            Gate::Scps => pick(lang, "Do the SCPs allow it?", "SCP が許可している？"),
            Gate::ResourcePolicy => pick(
                lang,
                "Does the resource-based policy grant it?",
                "リソースベースのポリシーが許可？",
            ),
            Gate::IdentityPolicy => pick(
                lang,
                "Does an identity-based policy allow it?",
                "アイデンティティベースのポリシーが許可？",
            ),
            Gate::Boundary => pick(
                lang,
                "Does the permissions boundary allow it?",
                "アクセス許可の境界が許可？",
            ),
            Gate::SessionPolicy => pick(
                lang,
                "Does the session policy allow it?",
                "セッションポリシーが許可？",
            ),
            Gate::CrossAccount => pick(
                lang,
                "Other account: does the resource's policy allow it too?",
                "別アカウント: リソース側のポリシーも許可？",
            ),
        }
    }
}

impl Answer {
    /// The flowchart's answer: yes, no, `—` (the question does not arise) or nothing (not
    /// reached).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Answer::Yes => pick(lang, "yes", "はい"),
            Answer::No => pick(lang, "no", "いいえ"),
            Answer::NotApplicable => "—",
            Answer::NotReached => "",
        }
    }
}

impl PolicyKind {
    /// The family's name in `lang` ([`PolicyKind::label`] in English).
    pub fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.label(),
            Lang::Ja => match self {
                PolicyKind::Identity => "アイデンティティベースのポリシー",
                PolicyKind::Resource => "リソースベースのポリシー",
                PolicyKind::Boundary => "アクセス許可の境界",
                PolicyKind::Session => "セッションポリシー",
                PolicyKind::Scp => "サービスコントロールポリシー (SCP)",
            },
        }
    }
}

/// The request line: who, which action, on what.
pub(super) fn request(req: &Request, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} → {} on {}", req.principal, req.action, req.resource),
        Lang::Ja => format!(
            "{} → {} (リソース: {})",
            req.principal, req.action, req.resource
        ),
    }
}

/// One statement's line: its policy, number, `Sid`, effect, line and verdict.
pub(super) fn statement(t: &StatementTrace, lang: Lang) -> String {
    let sid = t
        .sid
        .as_deref()
        .map(|x| format!(" ({x})"))
        .unwrap_or_default();
    let kind = t.kind.name(lang);
    let verdict = t.verdict.text(lang);
    match lang {
        Lang::En => format!(
            "{kind} {} statement {}{sid} [{}, line {}]: {verdict}",
            t.policy_id, t.index, t.effect, t.line
        ),
        Lang::Ja => format!(
            "{kind} {}、ステートメント {}{sid} [{}、{} 行目]: {verdict}",
            t.policy_id, t.index, t.effect, t.line
        ),
    }
}

/// The heading of the decision path.
pub(super) fn path_heading(lang: Lang) -> &'static str {
    pick(lang, "decision path:", "判定の経路:")
}

/// The decision line, with the policy type that withheld access for an implicit deny.
pub(super) fn decision(d: &Decision, lang: Lang) -> String {
    let outcome = d.outcome.as_str();
    match lang {
        Lang::En => {
            let why = match d.reason.withheld_by() {
                Some(w) if d.outcome == Outcome::ImplicitDeny => format!(" (no {w} allows it)"),
                _ => String::new(),
            };
            format!("decision: {outcome}{why}")
        }
        Lang::Ja => {
            let term = match d.outcome {
                Outcome::Allowed => "許可",
                Outcome::ExplicitDeny => "明示的な拒否",
                Outcome::ImplicitDeny => "暗黙的な拒否",
            };
            let withheld = match d.reason {
                Reason::NotAllowedByScp { .. } => Some("SCP で"),
                Reason::NoIdentityAllow => Some("アイデンティティベースのポリシーで"),
                Reason::NotAllowedByBoundary => Some("アクセス許可の境界で"),
                Reason::NotAllowedBySession => Some("セッションポリシーで"),
                Reason::NoResourceAllow => Some("リソースベースのポリシーで"),
                _ => None,
            };
            match withheld {
                Some(w) if d.outcome == Outcome::ImplicitDeny => {
                    format!("判定: {outcome} ({term}): {w}許可されていません")
                }
                _ => format!("判定: {outcome} ({term})"),
            }
        }
    }
}

/// The context keys the request lacked, and how to give them.
pub(super) fn missing_context(keys: &[String], lang: Lang) -> String {
    let keys = keys.join(", ");
    match lang {
        Lang::En => format!(
            "missing context keys: {keys} (give them with --context-entries to decide conditions on them)"
        ),
        Lang::Ja => format!(
            "リクエストにないコンテキストキー: {keys} (これらのキーの条件を判定するには、--context-entries で値を指定してください)"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every verdict, path step, question and policy type has its own text in each language,
    /// and the Japanese text is not the English one.
    #[test]
    fn every_sentence_exists_in_both_languages() {
        let c = ConditionText {
            operator: "Bool".into(),
            key: "aws:MultiFactorAuthPresent".into(),
            values: vec!["true".into()],
        };
        let verdicts = [
            Verdict::Applies,
            Verdict::ActionNotListed,
            Verdict::ActionExcluded,
            Verdict::ResourceNotMatched,
            Verdict::ResourceExcluded,
            Verdict::PrincipalNotNamed,
            Verdict::VariableUnresolved,
            Verdict::ConditionFalse {
                condition: c.clone(),
                why: ConditionFailure::KeyMissing,
            },
            Verdict::ConditionFalse {
                condition: c,
                why: ConditionFailure::NoMatch,
            },
        ];
        let steps = [
            PathStep::AlwaysAllowed,
            PathStep::ExplicitDeny,
            PathStep::NoExplicitDeny,
            PathStep::ScpsAllow,
            PathStep::ScpDenies { level: 1 },
            PathStep::NoScps,
            PathStep::NoResourcePolicy,
            PathStep::ResourcePolicyGrants,
            PathStep::ResourcePolicyAllows,
            PathStep::ResourcePolicyDenies,
            PathStep::Identity { allows: true },
            PathStep::Identity { allows: false },
            PathStep::Boundary { allows: true },
            PathStep::Boundary { allows: false },
            PathStep::Session { allows: true },
            PathStep::Session { allows: false },
            PathStep::CrossAccount,
        ];
        let gates = [
            Gate::ExplicitDeny,
            Gate::Scps,
            Gate::ResourcePolicy,
            Gate::IdentityPolicy,
            Gate::Boundary,
            Gate::SessionPolicy,
            Gate::CrossAccount,
        ];
        let kinds = [
            PolicyKind::Identity,
            PolicyKind::Resource,
            PolicyKind::Boundary,
            PolicyKind::Session,
            PolicyKind::Scp,
        ];
        let mut all: Vec<(String, String)> = Vec::new();
        all.extend(
            verdicts
                .iter()
                .map(|v| (v.text(Lang::En), v.text(Lang::Ja))),
        );
        all.extend(steps.iter().map(|s| (s.text(Lang::En), s.text(Lang::Ja))));
        all.extend(
            gates
                .iter()
                .map(|g| (g.question(Lang::En).into(), g.question(Lang::Ja).into())),
        );
        all.extend(
            kinds
                .iter()
                .map(|k| (k.name(Lang::En).into(), k.name(Lang::Ja).into())),
        );
        for lang in [Lang::En, Lang::Ja] {
            let texts: Vec<&String> = all
                .iter()
                .map(|(en, ja)| if lang == Lang::En { en } else { ja })
                .collect();
            let unique: std::collections::HashSet<&&String> = texts.iter().collect();
            assert_eq!(
                unique.len(),
                texts.len(),
                "a text is used twice in {lang:?}"
            );
        }
        for (en, ja) in &all {
            assert!(!en.is_empty() && !ja.is_empty());
            assert_ne!(en, ja, "not translated: {en}");
        }
        assert_eq!(PolicyKind::Scp.name(Lang::En), PolicyKind::Scp.label());
    }
}
