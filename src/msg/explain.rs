//! The evaluator's explanation (`eval::explain`): what each statement said about the request,
//! the steps of the decision path, the questions and answers of AWS's evaluation flowchart,
//! the names of the policy types and the lines of `Explanation::render`.
//!
//! AWS's terms are written as AWS's Japanese documentation writes them (docs/style-ja.md).
//! Element names (`Action`, `NotResource`, …), action names, ARNs, operators and AWS's
//! decision values (`allowed`, `explicitDeny`, `implicitDeny`) stay as they are in both
//! languages. The flowchart follows
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html>
//! (the Japanese terms, 明示的な拒否 and 暗黙的な拒否 among them, are those of the glossary of
//! docs/style-ja.md, checked on
//! <https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/reference_policies_evaluation-logic.html>).

crate::catalog! {
    /// Every sentence of a decision's explanation.
    pub enum Explain {
        // What one statement said about the request (`Verdict::text`).
        /// The statement applies to the request.
        VerdictApplies => (
            "applies",
            "該当します",
        ),
        /// The statement does not apply; `{why}` is one of the `Why…` entries.
        VerdictNot => (
            "does not apply: {why}",
            "該当しません: {why}",
        ),
        WhyActionExcluded => (
            "the action is listed in NotAction",
            "アクションが NotAction 要素に含まれています",
        ),
        WhyActionNotListed => (
            "the action is not in Action",
            "アクションが Action 要素に含まれていません",
        ),
        WhyResourceExcluded => (
            "the resource is listed in NotResource",
            "リソースが NotResource 要素に含まれています",
        ),
        WhyResourceNotMatched => (
            "the resource does not match Resource",
            "リソースが Resource 要素に一致しません",
        ),
        WhyPrincipalNotNamed => (
            "the caller is not the statement's principal",
            "呼び出し元はこのステートメントのプリンシパルではありません",
        ),
        WhyVariableUnresolved => (
            "a policy variable has no value in the request",
            "ポリシー変数の値がリクエストにありません",
        ),
        /// `{condition}` is the condition as one line (`Bool aws:MultiFactorAuthPresent
        /// ["true"]`), `{key}` its context key.
        WhyConditionKeyMissing => (
            "condition `{condition}` is false because the request has no `{key}`",
            "リクエストに `{key}` がないため、条件 `{condition}` を満たしません",
        ),
        WhyConditionNoMatch => (
            "condition `{condition}` is false for the request's values",
            "リクエストの値は条件 `{condition}` を満たしません",
        ),

        // The steps of the decision path (`PathStep::text`).
        StepAlwaysAllowed => (
            "sts:GetCallerIdentity needs no permission and cannot be denied → allowed",
            "sts:GetCallerIdentity は権限不要で、拒否もできません → allowed",
        ),
        StepExplicitDeny => (
            "an explicit Deny applies → explicitDeny (a deny always wins)",
            "明示的な拒否 (Deny) が該当します → explicitDeny (明示的な拒否は常に優先されます)",
        ),
        StepNoExplicitDeny => (
            "no explicit Deny applies",
            "該当する明示的な拒否 (Deny) はありません",
        ),
        StepScpsAllow => (
            "every SCP level allows the action",
            "すべての組織レベルの SCP がアクションを許可しています",
        ),
        /// `{level}`: the organization level, root first (0).
        StepScpDenies => (
            "no SCP at organization level {level} allows the action → implicitDeny",
            "組織レベル {level} の SCP はどれもアクションを許可していません → implicitDeny",
        ),
        /// `{why}`: one of the `Exempt…` entries.
        StepScpsNotApplicable => (
            "the SCPs do not apply: {why}",
            "SCP は適用されません: {why}",
        ),
        StepRcpsAllow => (
            "no RCP denies it (RCPFullAWSAccess, attached at every level, lets it through)",
            "RCP で拒否されていません (すべてのレベルにアタッチされた RCPFullAWSAccess が通過させます)",
        ),
        /// `{level}`: the organization level of the resource owner's account, root first (0).
        StepRcpDenies => (
            "no RCP at organization level {level} allows the action → implicitDeny",
            "組織レベル {level} の RCP はどれもアクションを許可していません → implicitDeny",
        ),
        /// `{why}`: one of the `Exempt…` entries.
        StepRcpsNotApplicable => (
            "the RCPs do not apply: {why}",
            "RCP は適用されません: {why}",
        ),
        StepOwnerScpsNotApplied => (
            "the SCPs of the resource owner's account do not restrict a caller from another account",
            "リソース所有者のアカウントの SCP は、別のアカウントの呼び出し元を制限しません",
        ),
        // Why an organization policy does not apply (after `StepScpsNotApplicable` or
        // `StepRcpsNotApplicable`).
        ExemptServiceLinkedRole => (
            "the caller is a service-linked role",
            "呼び出し元はサービスにリンクされたロールです",
        ),
        ExemptScpManagementAccount => (
            "the caller's account is its organization's management account",
            "呼び出し元のアカウントは組織の管理アカウントです",
        ),
        ExemptRcpManagementAccount => (
            "the resource is in its organization's management account",
            "リソースは組織の管理アカウントにあります",
        ),
        ExemptUnsupportedService => (
            "the action's service is not one that RCPs apply to",
            "アクションのサービスは RCP の対象外です",
        ),
        StepNoScps => (
            "no SCPs (not in an organization)",
            "SCP はありません (組織に属していません)",
        ),
        StepNoResourcePolicy => (
            "no resource-based policy",
            "リソースベースのポリシーはありません",
        ),
        StepResourcePolicyGrants => (
            "the resource-based policy grants it to this principal → allowed",
            "リソースベースのポリシーがこのプリンシパルに許可しています → allowed",
        ),
        StepResourcePolicyAllows => (
            "the resource-based policy allows it",
            "リソースベースのポリシーが許可しています",
        ),
        StepResourcePolicyDenies => (
            "the resource-based policy does not allow it",
            "リソースベースのポリシーは許可していません",
        ),
        StepIdentityAllows => (
            "an identity-based policy allows it",
            "アイデンティティベースのポリシーが許可しています",
        ),
        StepIdentityDenies => (
            "no identity-based policy allows it",
            "許可しているアイデンティティベースのポリシーはありません",
        ),
        StepBoundaryAllows => (
            "the permissions boundary allows it",
            "アクセス許可の境界が許可しています",
        ),
        StepBoundaryDenies => (
            "the permissions boundary does not allow it",
            "アクセス許可の境界は許可していません",
        ),
        StepSessionAllows => (
            "the session policy allows it",
            "セッションポリシーが許可しています",
        ),
        StepSessionDenies => (
            "the session policy does not allow it",
            "セッションポリシーは許可していません",
        ),
        /// A `GetFederationToken` session given no session policy.
        StepFederatedNoSessionPolicy => (
            "a federated user session (GetFederationToken) without a session policy has no permissions → implicitDeny (only a resource-based policy naming the session can grant)",
            "セッションポリシーのないフェデレーティッドユーザーセッション (GetFederationToken) にはアクセス許可がありません → implicitDeny (許可できるのは、このセッションを指定したリソースベースのポリシーだけです)",
        ),
        StepCrossAccount => (
            "cross-account: both the identity side and the resource's policy must allow",
            "クロスアカウント: アイデンティティ側のポリシーとリソースのポリシーの両方が許可する必要があります",
        ),

        // The flowchart's questions (`Gate::question`), short enough for its boxes.
        GateExplicitDeny => (
            "Does an explicit Deny apply in any policy?",
            "どこかのポリシーで明示的な Deny が該当？",
        ),
        GateRcps => (
            "Do the RCPs allow it?",
            "RCP が許可している？",
        ),
        GateScps => (
            "Do the SCPs allow it?",
            "SCP が許可している？",
        ),
        GateResourcePolicy => (
            "Does the resource-based policy grant it?",
            "リソースベースのポリシーが許可？",
        ),
        GateIdentityPolicy => (
            "Does an identity-based policy allow it?",
            "アイデンティティベースのポリシーが許可？",
        ),
        GateBoundary => (
            "Does the permissions boundary allow it?",
            "アクセス許可の境界が許可？",
        ),
        GateSessionPolicy => (
            "Does the session policy allow it?",
            "セッションポリシーが許可？",
        ),
        GateCrossAccount => (
            "Other account: does the resource's policy allow it too?",
            "別アカウント: リソース側のポリシーも許可？",
        ),
        // The flowchart's answers (`Answer::label`); "does not arise" is the symbol `—`.
        AnswerYes => (
            "yes",
            "はい",
        ),
        AnswerNo => (
            "no",
            "いいえ",
        ),

        // The policy types (`PolicyKind::name`); the English ones are `PolicyKind::label`.
        KindIdentity => (
            "identity-based policy",
            "アイデンティティベースのポリシー",
        ),
        KindResource => (
            "resource-based policy",
            "リソースベースのポリシー",
        ),
        KindBoundary => (
            "permissions boundary",
            "アクセス許可の境界",
        ),
        KindSession => (
            "session policy",
            "セッションポリシー",
        ),
        KindScp => (
            "service control policy",
            "サービスコントロールポリシー (SCP)",
        ),
        KindRcp => (
            "resource control policy",
            "リソースコントロールポリシー (RCP)",
        ),

        // The lines of `Explanation::render`.
        /// The request: who, which action, on what.
        RenderRequest => (
            "{principal} → {action} on {resource}",
            "{principal} → {action} (リソース: {resource})",
        ),
        /// One statement: `{kind}` a `Kind…` entry, `{sid}` empty or ` (Sid)`, `{verdict}` a
        /// `Verdict…` line.
        RenderStatement => (
            "{kind} {policy} statement {index}{sid} [{effect}, line {line}]: {verdict}",
            "{kind} {policy}、ステートメント {index}{sid} [{effect}、{line} 行目]: {verdict}",
        ),
        /// An SCP's or RCP's id with the organization level it is attached at, root first
        /// (0), as the decision path numbers them.
        RenderOrgLevel => (
            "{policy} (organization level {level})",
            "{policy} (組織レベル {level})",
        ),
        RenderPathHeading => (
            "decision path:",
            "判定の経路:",
        ),
        DecisionAllowed => (
            "decision: allowed",
            "判定: allowed (許可)",
        ),
        DecisionExplicitDeny => (
            "decision: explicitDeny",
            "判定: explicitDeny (明示的な拒否)",
        ),
        /// An implicit deny that no single policy type withheld.
        DecisionImplicitDeny => (
            "decision: implicitDeny",
            "判定: implicitDeny (暗黙的な拒否)",
        ),
        // An implicit deny, with the policy type that withheld access.
        DecisionNoScpAllows => (
            "decision: implicitDeny (no service control policy allows it)",
            "判定: implicitDeny (暗黙的な拒否): SCP で許可されていません",
        ),
        DecisionNoRcpAllows => (
            "decision: implicitDeny (no resource control policy allows it)",
            "判定: implicitDeny (暗黙的な拒否): RCP で許可されていません",
        ),
        DecisionNoIdentityAllows => (
            "decision: implicitDeny (no identity-based policy allows it)",
            "判定: implicitDeny (暗黙的な拒否): アイデンティティベースのポリシーで許可されていません",
        ),
        DecisionNoBoundaryAllows => (
            "decision: implicitDeny (no permissions boundary allows it)",
            "判定: implicitDeny (暗黙的な拒否): アクセス許可の境界で許可されていません",
        ),
        DecisionNoSessionAllows => (
            "decision: implicitDeny (no session policy allows it)",
            "判定: implicitDeny (暗黙的な拒否): セッションポリシーで許可されていません",
        ),
        DecisionFederatedNoSessionPolicy => (
            "decision: implicitDeny (a federated user session without a session policy has no permissions)",
            "判定: implicitDeny (暗黙的な拒否): セッションポリシーのないフェデレーティッドユーザーセッションにはアクセス許可がありません",
        ),
        DecisionNoResourceAllows => (
            "decision: implicitDeny (no resource-based policy allows it)",
            "判定: implicitDeny (暗黙的な拒否): リソースベースのポリシーで許可されていません",
        ),
        /// After an explicit deny, one line per statement that denied: `{kind}` a `Kind…`
        /// entry, `{sid}` empty or ` (Sid)`.
        RenderDeniedBy => (
            "denied by: {kind} {policy} statement {index}{sid}",
            "拒否したステートメント: {kind} {policy}、ステートメント {index}{sid}",
        ),
        /// The context keys the request lacked (`{keys}`, comma-separated), and how to give them.
        RenderMissingContext => (
            "missing context keys: {keys} (give them with --context-entries to decide conditions on them)",
            "リクエストにないコンテキストキー: {keys} (これらのキーの条件を判定するには、--context-entries で値を指定してください)",
        ),
    }
}
