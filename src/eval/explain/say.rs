//! The explanation's data put into words: each verdict, path step, flowchart question and
//! answer, policy type and line of [`super::Explanation::render`] is matched to its entry of
//! the catalog (`crate::msg::explain::Explain`), which holds every sentence in English and
//! Japanese. Only language-neutral punctuation is written here.

use crate::eval::decide::{Decision, MatchedStatement, Outcome, PolicyKind, Reason};
use crate::eval::organizations::Exemption;
use crate::eval::request::Request;
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::explain::Explain;

use super::{Answer, ConditionFailure, ConditionText, Gate, PathStep, StatementTrace, Verdict};

impl ConditionText {
    /// The condition as one line: `Bool aws:MultiFactorAuthPresent ["true"]`.
    pub fn text(&self) -> String {
        format!("{} {} {:?}", self.operator, self.key, self.values)
    }
}

impl Verdict {
    /// The verdict in words: `applies`, or `does not apply: ` and the reason.
    pub fn text(&self, lang: Lang) -> String {
        let why = match self {
            Verdict::Applies => return Explain::VerdictApplies.text(lang).to_string(),
            Verdict::ActionExcluded => Explain::WhyActionExcluded.text(lang).to_string(),
            Verdict::ActionNotListed => Explain::WhyActionNotListed.text(lang).to_string(),
            Verdict::ResourceExcluded => Explain::WhyResourceExcluded.text(lang).to_string(),
            Verdict::ResourceNotMatched => Explain::WhyResourceNotMatched.text(lang).to_string(),
            Verdict::PrincipalNotNamed => Explain::WhyPrincipalNotNamed.text(lang).to_string(),
            Verdict::VariableUnresolved => Explain::WhyVariableUnresolved.text(lang).to_string(),
            Verdict::ConditionFalse { condition, why } => {
                let name = condition.text();
                let key = if condition.key.is_empty() {
                    "?"
                } else {
                    condition.key.as_str()
                };
                let entry = match why {
                    ConditionFailure::KeyMissing => Explain::WhyConditionKeyMissing,
                    ConditionFailure::NoMatch => Explain::WhyConditionNoMatch,
                };
                entry.fill(lang, &[("condition", &name), ("key", &key)])
            }
        };
        Explain::VerdictNot.fill(lang, &[("why", &why)])
    }
}

impl PathStep {
    /// The step in words.
    pub fn text(self, lang: Lang) -> String {
        let entry = match self {
            PathStep::ScpDenies { level } => {
                return Explain::StepScpDenies.fill(lang, &[("level", &level)]);
            }
            PathStep::RcpDenies { level } => {
                return Explain::StepRcpDenies.fill(lang, &[("level", &level)]);
            }
            PathStep::ScpsNotApplicable { why } => {
                let why = match why {
                    Exemption::ManagementAccount => Explain::ExemptScpManagementAccount,
                    other => exemption(other),
                };
                return Explain::StepScpsNotApplicable.fill(lang, &[("why", &why.text(lang))]);
            }
            PathStep::RcpsNotApplicable { why } => {
                let why = match why {
                    Exemption::ManagementAccount => Explain::ExemptRcpManagementAccount,
                    other => exemption(other),
                };
                return Explain::StepRcpsNotApplicable.fill(lang, &[("why", &why.text(lang))]);
            }
            PathStep::RcpsAllow => Explain::StepRcpsAllow,
            PathStep::OwnerScpsNotApplied => Explain::StepOwnerScpsNotApplied,
            PathStep::AlwaysAllowed => Explain::StepAlwaysAllowed,
            PathStep::ExplicitDeny => Explain::StepExplicitDeny,
            PathStep::NoExplicitDeny => Explain::StepNoExplicitDeny,
            PathStep::ScpsAllow => Explain::StepScpsAllow,
            PathStep::NoScps => Explain::StepNoScps,
            PathStep::NoResourcePolicy => Explain::StepNoResourcePolicy,
            PathStep::ResourcePolicyGrants => Explain::StepResourcePolicyGrants,
            PathStep::ResourcePolicyAllows => Explain::StepResourcePolicyAllows,
            PathStep::ResourcePolicyDenies => Explain::StepResourcePolicyDenies,
            PathStep::Identity { allows: true } => Explain::StepIdentityAllows,
            PathStep::Identity { allows: false } => Explain::StepIdentityDenies,
            PathStep::Boundary { allows: true } => Explain::StepBoundaryAllows,
            PathStep::Boundary { allows: false } => Explain::StepBoundaryDenies,
            PathStep::Session { allows: true } => Explain::StepSessionAllows,
            PathStep::Session { allows: false } => Explain::StepSessionDenies,
            PathStep::FederatedNoSessionPolicy => Explain::StepFederatedNoSessionPolicy,
            PathStep::CrossAccount => Explain::StepCrossAccount,
        };
        entry.text(lang).to_string()
    }
}

/// Why an organization policy does not apply, for the reasons worded alike for SCPs and RCPs.
fn exemption(why: Exemption) -> Explain {
    match why {
        Exemption::ServiceLinkedRole => Explain::ExemptServiceLinkedRole,
        Exemption::UnsupportedService => Explain::ExemptUnsupportedService,
        Exemption::ManagementAccount => Explain::ExemptRcpManagementAccount,
    }
}

impl Gate {
    /// The flowchart's question for this gate.
    pub fn question(self, lang: Lang) -> &'static str {
        match self {
            Gate::ExplicitDeny => Explain::GateExplicitDeny,
            Gate::Rcps => Explain::GateRcps,
            Gate::Scps => Explain::GateScps,
            Gate::ResourcePolicy => Explain::GateResourcePolicy,
            Gate::IdentityPolicy => Explain::GateIdentityPolicy,
            Gate::Boundary => Explain::GateBoundary,
            Gate::SessionPolicy => Explain::GateSessionPolicy,
            Gate::CrossAccount => Explain::GateCrossAccount,
        }
        .text(lang)
    }
}

impl Answer {
    /// The flowchart's answer: yes, no, `—` (the question does not arise) or nothing (not
    /// reached). The last two are symbols, the same in every language.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Answer::Yes => Explain::AnswerYes.text(lang),
            Answer::No => Explain::AnswerNo.text(lang),
            Answer::NotApplicable => "—",
            Answer::NotReached => "",
        }
    }
}

impl PolicyKind {
    /// The family's name in `lang` ([`PolicyKind::label`] in English).
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            PolicyKind::Identity => Explain::KindIdentity,
            PolicyKind::Resource => Explain::KindResource,
            PolicyKind::Boundary => Explain::KindBoundary,
            PolicyKind::Session => Explain::KindSession,
            PolicyKind::Scp => Explain::KindScp,
            PolicyKind::Rcp => Explain::KindRcp,
        }
        .text(lang)
    }
}

/// The request line: who, which action, on what.
pub(super) fn request(req: &Request, lang: Lang) -> String {
    Explain::RenderRequest.fill(
        lang,
        &[
            ("principal", &req.principal),
            ("action", &req.action),
            ("resource", &req.resource),
        ],
    )
}

/// One statement's line: its policy, number, `Sid`, effect, line and verdict.
pub(super) fn statement(t: &StatementTrace, lang: Lang) -> String {
    let sid = t
        .sid
        .as_deref()
        .map(|x| format!(" ({x})"))
        .unwrap_or_default();
    // Every level of an organization has its FullAWSAccess: the level tells them apart.
    let policy = match t.kind {
        PolicyKind::Scp | PolicyKind::Rcp => {
            Explain::RenderOrgLevel.fill(lang, &[("policy", &t.policy_id), ("level", &t.level)])
        }
        _ => t.policy_id.to_string(),
    };
    Explain::RenderStatement.fill(
        lang,
        &[
            ("kind", &t.kind.name(lang)),
            ("policy", &policy),
            ("index", &t.index),
            ("sid", &sid),
            ("effect", &t.effect),
            ("line", &t.line),
            ("verdict", &t.verdict.text(lang)),
        ],
    )
}

/// A statement that denied: its policy's kind and id, its number and `Sid`.
pub(super) fn denied_by(m: &MatchedStatement, lang: Lang) -> String {
    let sid = m
        .sid
        .as_deref()
        .map(|x| format!(" ({x})"))
        .unwrap_or_default();
    Explain::RenderDeniedBy.fill(
        lang,
        &[
            ("kind", &m.kind.name(lang)),
            ("policy", &m.policy_id),
            ("index", &m.index),
            ("sid", &sid),
        ],
    )
}

/// The heading of the decision path.
pub(super) fn path_heading(lang: Lang) -> &'static str {
    Explain::RenderPathHeading.text(lang)
}

/// The decision line, with the policy type that withheld access for an implicit deny.
pub(super) fn decision(d: &Decision, lang: Lang) -> &'static str {
    let entry = match (d.outcome, d.reason) {
        (Outcome::Allowed, _) => Explain::DecisionAllowed,
        (Outcome::ExplicitDeny, _) => Explain::DecisionExplicitDeny,
        (Outcome::ImplicitDeny, Reason::NotAllowedByScp { .. }) => Explain::DecisionNoScpAllows,
        (Outcome::ImplicitDeny, Reason::NotAllowedByRcp { .. }) => Explain::DecisionNoRcpAllows,
        (Outcome::ImplicitDeny, Reason::NoIdentityAllow) => Explain::DecisionNoIdentityAllows,
        (Outcome::ImplicitDeny, Reason::NotAllowedByBoundary) => Explain::DecisionNoBoundaryAllows,
        (Outcome::ImplicitDeny, Reason::NotAllowedBySession) => Explain::DecisionNoSessionAllows,
        (Outcome::ImplicitDeny, Reason::FederatedWithoutSessionPolicy) => {
            Explain::DecisionFederatedNoSessionPolicy
        }
        (Outcome::ImplicitDeny, Reason::NoResourceAllow) => Explain::DecisionNoResourceAllows,
        (Outcome::ImplicitDeny, _) => Explain::DecisionImplicitDeny,
    };
    entry.text(lang)
}

/// The context keys the request lacked, and how to give them.
pub(super) fn missing_context(keys: &[String], lang: Lang) -> String {
    Explain::RenderMissingContext.fill(lang, &[("keys", &keys.join(", "))])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every verdict, path step, question and policy type is matched to its own entry of the
    /// catalog (no two share a text in either language), and the Japanese text is not the
    /// English one.
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
            PathStep::ScpsNotApplicable {
                why: Exemption::ServiceLinkedRole,
            },
            PathStep::ScpsNotApplicable {
                why: Exemption::ManagementAccount,
            },
            PathStep::RcpsAllow,
            PathStep::RcpDenies { level: 1 },
            PathStep::RcpsNotApplicable {
                why: Exemption::ServiceLinkedRole,
            },
            PathStep::RcpsNotApplicable {
                why: Exemption::ManagementAccount,
            },
            PathStep::RcpsNotApplicable {
                why: Exemption::UnsupportedService,
            },
            PathStep::OwnerScpsNotApplied,
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
            PathStep::FederatedNoSessionPolicy,
            PathStep::CrossAccount,
        ];
        let gates = [
            Gate::ExplicitDeny,
            Gate::Rcps,
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
            PolicyKind::Rcp,
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
        // `label` is the English name other modules use without a language: the catalog
        // must agree with it.
        for k in kinds {
            assert_eq!(k.name(Lang::En), k.label());
        }
    }
}
