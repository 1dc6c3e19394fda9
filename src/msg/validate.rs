//! The strings of `validate-policy`: every sentence a finding can say, the parts they are
//! built from ("did you mean", lists, access levels, escalation methods), and the text
//! report's headings and counts.
//!
//! The JSON output keeps Access Analyzer's shape and English (`findingDetails` is the English
//! of these entries); the text report and the TUI say them in the learner's language. The
//! Japanese follows AWS's Japanese documentation:
//! - the finding types セキュリティ警告、エラー、一般的な警告、提案 and 検出結果:
//!   <https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/access-analyzer-policy-validation.html>
//!   (the check reference itself, access-analyzer-reference-policy-checks.html, was not found
//!   in Japanese; ポリシーの検証: <https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/access_policies_policy-validator.html>);
//! - サービスプレフィックス, アクセスレベル (List、Read、Permissions Management、Tagging named as the
//!   service pages do, リスト、読み取り、書き込み、アクセス許可管理、タグ付け as the overview does),
//!   リソースタイプ, 条件キー and サービス認可リファレンス:
//!   <https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/reference_policies_actions-resources-contextkeys.html>,
//!   <https://docs.aws.amazon.com/ja_jp/service-authorization/latest/reference/list_awsiamaccessanalyzer.html>;
//! - 条件演算子, グローバル条件キー, リクエストコンテキスト, ワイルドカード:
//!   <https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>;
//! - 単一値のコンテキストキー, 複数値のコンテキストキー, 条件集合演算子:
//!   <https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/reference_policies_condition_examples.html>.
//!
//! Templates keep inline code (`` `{action}` ``) in the template, so a value is always an
//! ASCII word next to which the Japanese puts its spaces.

crate::catalog! {
    /// `validate-policy`'s findings and its text report.
    pub enum Validate {
        // ---- the text report ----
        /// The finding types, as Access Analyzer's Japanese documentation names them.
        TypeError => ("ERROR", "エラー"),
        TypeSecurityWarning => ("SECURITY_WARNING", "セキュリティ警告"),
        TypeWarning => ("WARNING", "一般的な警告"),
        TypeSuggestion => ("SUGGESTION", "提案"),
        /// A finding's first line: its type, its issue code and where it is.
        Heading => ("{type} {code} at {place}", "{type} {code}: {place}"),
        /// A place with an element path.
        PlacePath => (
            "{path} (line {line}, column {column})",
            "{path} ({line} 行目、{column} 列目)",
        ),
        /// A place without a path (the document itself).
        PlaceLine => ("line {line}, column {column}", "{line} 行目、{column} 列目"),
        /// A finding with no place.
        PlaceWhole => ("the policy", "ポリシー全体"),
        /// A line of the policy, in the TUI's list of findings.
        AtLine => ("line {line}", "{line} 行目"),
        LearnMore => ("learn more: {url}", "詳細: {url}"),
        NoFindings => ("no findings", "検出結果はありません"),
        /// The summary line: the total and the count of each type.
        SummaryOne => ("1 finding: {counts}", "検出結果 1 件: {counts}"),
        SummaryMany => ("{n} findings: {counts}", "検出結果 {n} 件: {counts}"),
        CountError => ("1 error", "エラー 1 件"),
        CountErrors => ("{n} errors", "エラー {n} 件"),
        CountSecurityWarning => ("1 security warning", "セキュリティ警告 1 件"),
        CountSecurityWarnings => ("{n} security warnings", "セキュリティ警告 {n} 件"),
        CountWarning => ("1 warning", "一般的な警告 1 件"),
        CountWarnings => ("{n} warnings", "一般的な警告 {n} 件"),
        CountSuggestion => ("1 suggestion", "提案 1 件"),
        CountSuggestions => ("{n} suggestions", "提案 {n} 件"),

        // ---- parts of sentences ----
        /// Appended to a sentence about an unknown name when nearer names exist.
        DidYouMean => ("; did you mean {names}?", "{names} の間違いではありませんか？"),
        /// Between the items of a list but the last two.
        ListSep => (", ", "、"),
        ListOr => ("{init} or {last}", "{init} または {last}"),
        ListAnd => ("{init} and {last}", "{init} と {last}"),
        /// The separator of the escalation methods listed in one finding.
        MethodSep => ("; ", "、"),
        /// Access levels: the English as the Service Authorization Reference writes them.
        AccessList => ("List", "リスト"),
        AccessRead => ("Read", "読み取り"),
        AccessWrite => ("Write", "書き込み"),
        AccessPermissionsManagement => ("Permissions management", "アクセス許可管理"),
        AccessTagging => ("Tagging", "タグ付け"),
        /// How many actions of one access level.
        AccessCount => ("{n} {level}", "{level} {n} 個"),
        /// What a condition operator family compares.
        ComparesStrings => ("strings", "文字列"),
        ComparesArns => ("ARNs", "ARN"),
        ComparesNumbers => ("numbers", "数値"),
        ComparesDates => ("dates", "日付"),
        ComparesBooleans => ("booleans", "ブール値"),
        ComparesBinary => ("binary values", "バイナリ値"),
        ComparesIps => ("IP addresses", "IP アドレス"),
        ComparesPresence => ("presence", "キーの有無"),
        /// The operators to use for a key type.
        OperatorsString => (
            "a string operator such as `StringEquals` or `StringLike`",
            "`StringEquals` や `StringLike` などの文字列条件演算子",
        ),
        OperatorsArn => (
            "an ARN operator such as `ArnLike` or `ArnEquals`",
            "`ArnLike` や `ArnEquals` などの ARN 条件演算子",
        ),
        OperatorsBool => ("`Bool`", "`Bool` 条件演算子"),
        OperatorsNumeric => (
            "a numeric operator such as `NumericLessThan`",
            "`NumericLessThan` などの数値条件演算子",
        ),
        OperatorsEpoch => (
            "a date or numeric operator such as `DateGreaterThan`",
            "`DateGreaterThan` などの日付条件演算子か数値条件演算子",
        ),
        OperatorsDate => (
            "a date operator such as `DateGreaterThan`",
            "`DateGreaterThan` などの日付条件演算子",
        ),
        OperatorsIp => (
            "`IpAddress` or `NotIpAddress`",
            "`IpAddress` 条件演算子か `NotIpAddress` 条件演算子",
        ),
        OperatorsBinary => ("`BinaryEquals`", "`BinaryEquals` 条件演算子"),
        OperatorsOther => ("an operator of the key's type", "キーの型に合った条件演算子"),
        /// A statement named by its `Sid`, or by its index when it has none.
        StatementSid => ("statement `{sid}`", "ステートメント `{sid}`"),
        StatementIndex => ("statement {index}", "ステートメント {index}"),
        /// Where a risky grant applies when it is written with `NotResource`.
        RiskAllButNotResource => (
            "every resource but those in `NotResource`",
            "`NotResource` に列挙したもの以外のすべてのリソース",
        ),
        /// Where a risky grant applies when it names a pattern.
        RiskPattern => ("`{pattern}`", "`{pattern}` に一致するリソース"),
        /// The actions of a risky grant left out of the list.
        RiskMore => (" and {n} more", " ほか {n} 個"),

        // ---- the document ----
        MissingVersion => (
            "the policy has no `Version`, so it is read as version 2008-10-17, where policy variables such as ${aws:username} are plain text; add \"Version\": \"2012-10-17\" as its first element",
            "ポリシーに `Version` がないため、バージョン 2008-10-17 として読み取られます。このバージョンでは ${aws:username} などのポリシー変数はただの文字列です。最初の要素として \"Version\": \"2012-10-17\" を追加してください。",
        ),
        PolicySize => (
            "the policy has {n} characters (white space not counted), over the {limit} that a managed policy may have; split it into several policies",
            "ポリシーの文字数は {n} 文字 (空白を除く) で、管理ポリシーの上限の {limit} 文字を超えています。複数のポリシーに分割してください。",
        ),

        // ---- actions ----
        InvalidServiceInAction => (
            "`{prefix}` in `{action}` is not an AWS service prefix, so this entry grants nothing",
            "`{action}` の `{prefix}` は AWS のサービスプレフィックスではないため、この値は何も許可しません。",
        ),
        InvalidAction => (
            "`{action}` is not an action of {service} (`{prefix}`), so this entry grants nothing",
            "`{action}` は {service} (`{prefix}`) のアクションではないため、この値は何も許可しません。",
        ),
        NoActionInService => (
            "`{pattern}` matches no action of {service} (`{prefix}`), so this entry grants nothing; check the spelling of the part before or after the wildcard",
            "`{pattern}` に一致する {service} (`{prefix}`) のアクションはないため、この値は何も許可しません。ワイルドカードの前後のつづりを確認してください。",
        ),
        WildcardInServiceName => (
            "`{pattern}` has a wildcard in the service prefix, so it also covers services with similar names, now and in future; name the services",
            "`{pattern}` はサービスプレフィックスにワイルドカードを含むため、名前の似たサービスにも、今後追加されるサービスにも当てはまります。サービスを名前で指定してください。",
        ),
        NoActionAnywhere => (
            "`{pattern}` matches no action of any service, so this entry grants nothing",
            "`{pattern}` に一致するアクションはどのサービスにもないため、この値は何も許可しません。",
        ),
        AllowWithNotAction => (
            "`Allow` with `NotAction` allows every action of every service except the listed ones, including services and actions AWS adds later; list the actions to allow in `Action` instead",
            "`Allow` と `NotAction` の組み合わせは、列挙したもの以外のすべてのサービスのすべてのアクションを許可します。AWS が今後追加するサービスやアクションも含まれます。代わりに、許可するアクションを `Action` に列挙してください。",
        ),
        AllowWithNotResource => (
            "`Allow` with `NotResource` allows the actions on every resource except the listed ones, including resources created later; list the resources to allow in `Resource` instead",
            "`Allow` と `NotResource` の組み合わせは、列挙したもの以外のすべてのリソースに対してアクションを許可します。今後作成されるリソースも含まれます。代わりに、許可するリソースを `Resource` に列挙してください。",
        ),
        AllowWithNotPrincipal => (
            "`Allow` with `NotPrincipal` allows everyone except the listed principals, anonymous callers included; name the principals in `Principal` instead",
            "`Allow` と `NotPrincipal` の組み合わせは、列挙したプリンシパル以外の全員を許可します。匿名の呼び出し元も含まれます。代わりに、プリンシパルを `Principal` で指定してください。",
        ),
        AllowAllEverywhere => (
            "`{pattern}` allows every action of every AWS service on every resource, without conditions: full administrator access; allow only the actions the job needs",
            "`{pattern}` は、すべての AWS サービスのすべてのアクションを、すべてのリソースに対して条件なしで許可します。これは完全な管理者権限です。業務に必要なアクションだけを許可してください。",
        ),
        AllowAllOnResources => (
            "`{pattern}` allows every action of every AWS service on the statement's resources; allow only the actions the job needs",
            "`{pattern}` は、すべての AWS サービスのすべてのアクションを、このステートメントのリソースに対して許可します。業務に必要なアクションだけを許可してください。",
        ),
        ServiceWildcard => (
            "`{pattern}` allows all {n} actions of {service}: {levels}; allow only the actions the job needs",
            "`{pattern}` は {service} のアクション {n} 個すべて ({levels}) を許可します。業務に必要なアクションだけを許可してください。",
        ),
        RiskCredentials => (
            "this statement allows {actions}{more} on {resource}: actions that hand out credentials (keys, passwords, temporary database or instance credentials) that outlive this policy, on every resource of their kind; name the resources the job needs",
            "このステートメントは、{resource}に対して次のアクションを許可します: {actions}{more}。これらは、このポリシーを外しても使い続けられる認証情報 (キー、パスワード、データベースやインスタンスの一時的な認証情報) を発行するアクションで、その種類のすべてのリソースが対象になっています。業務に必要なリソースを指定してください。",
        ),
        RiskData => (
            "this statement allows {actions}{more} on {resource}: actions that read stored data and secrets, on every resource of their kind; name the resources the job needs",
            "このステートメントは、{resource}に対して次のアクションを許可します: {actions}{more}。これらは保存されたデータやシークレットを読み取るアクションで、その種類のすべてのリソースが対象になっています。業務に必要なリソースを指定してください。",
        ),
        RiskPermissionsManagement => (
            "this statement allows {actions}{more} on {resource}: actions that change who may access resources (resource policies, ACLs, trust and key policies), on every resource of their kind; name the resources the job needs",
            "このステートメントは、{resource}に対して次のアクションを許可します: {actions}{more}。これらはリソースにアクセスできる人を変更するアクション (リソースベースのポリシー、ACL、信頼ポリシー、キーポリシー) で、その種類のすべてのリソースが対象になっています。業務に必要なリソースを指定してください。",
        ),
        PassRoleWithNotResource => (
            "this statement allows `iam:PassRole` with `NotResource`, so the holder can hand almost any role to an AWS service and act with that role's permissions; list the roles in `Resource`",
            "このステートメントは `NotResource` とともに `iam:PassRole` を許可しているため、このポリシーを持つプリンシパルは、ほぼすべてのロールを AWS のサービスに渡し、そのロールの権限で操作できます。ロールを `Resource` に列挙してください。",
        ),
        PassRoleOnEveryRole => (
            "this statement allows `iam:PassRole` on every role (`{resource}`): the holder can hand any role, an administrator's included, to an AWS service and act with its permissions; list the role ARNs, or add the `iam:PassedToService` condition key",
            "このステートメントは `iam:PassRole` をすべてのロール (`{resource}`) に対して許可しています。このポリシーを持つプリンシパルは、管理者のロールを含む任意のロールを AWS のサービスに渡し、その権限で操作できます。ロールの ARN を列挙するか、`iam:PassedToService` 条件キーを追加してください。",
        ),
        PassRoleOnEveryRoleViaWildcard => (
            "this statement allows `iam:PassRole` (through a wildcard action) on every role (`{resource}`): the holder can hand any role, an administrator's included, to an AWS service and act with its permissions; list the role ARNs, or add the `iam:PassedToService` condition key",
            "このステートメントは (ワイルドカードを使ったアクションを通じて) `iam:PassRole` をすべてのロール (`{resource}`) に対して許可しています。このポリシーを持つプリンシパルは、管理者のロールを含む任意のロールを AWS のサービスに渡し、その権限で操作できます。ロールの ARN を列挙するか、`iam:PassedToService` 条件キーを追加してください。",
        ),

        // ---- resources ----
        ResourceMismatch => (
            "`{resource}` fits none of the ARN formats of {services}, so it matches no resource these actions work on; check the service, Region, account and resource parts against the Service Authorization Reference",
            "`{resource}` は {services} のどの ARN 形式にも当てはまらないため、これらのアクションが対象とするどのリソースにも一致しません。サービス認可リファレンスと照らして、サービス、リージョン、アカウント、リソースの各部分を確認してください。",
        ),
        ActionNeedsStar => (
            "`{action}` does not work on particular resources: it needs \"Resource\": \"*\", so this statement does not allow it; move it to a statement with \"Resource\": \"*\"",
            "`{action}` は特定のリソースを対象にできず、\"Resource\": \"*\" が必要なため、このステートメントでは許可されません。\"Resource\": \"*\" のステートメントに移してください。",
        ),
        ActionWrongResource => (
            "`{action}` works on {types}, and no resource of this statement is one, so this statement does not allow it; add the right ARN",
            "`{action}` の対象は {types} ですが、このステートメントのリソースはどれも当てはまらないため、このステートメントでは許可されません。正しい ARN を追加してください。",
        ),
        PatternNeedsStar => (
            "none of the {n} actions that `{pattern}` matches works on particular resources (they need \"Resource\": \"*\"), so this statement allows none of them",
            "`{pattern}` に一致する {n} 個のアクションはどれも特定のリソースを対象にできない (\"Resource\": \"*\" が必要な) ため、このステートメントはどれも許可しません。",
        ),
        PatternWrongResource => (
            "none of the {n} actions that `{pattern}` matches works on the resources of this statement, so it allows none of them",
            "`{pattern}` に一致する {n} 個のアクションはどれもこのステートメントのリソースを対象にしないため、このステートメントはどれも許可しません。",
        ),

        // ---- conditions ----
        ConditionKeyFormat => (
            "`{key}` is not a condition key: keys are written `service:name`, e.g. `aws:SourceIp` or `s3:prefix`",
            "`{key}` は条件キーではありません。条件キーは `service:name` の形式で書きます (例: `aws:SourceIp`、`s3:prefix`)。",
        ),
        MissingTagKeyExample => (
            "`{key}` names no tag key; write `{tag}/` followed by the tag's key, e.g. `{tag}/team`",
            "`{key}` にはタグキーがありません。`{tag}/` の後にタグのキーを書いてください (例: `{tag}/team`)。",
        ),
        MissingTagKey => (
            "`{key}` names no tag key; write `{tag}/` followed by the tag's key",
            "`{key}` にはタグキーがありません。`{tag}/` の後にタグのキーを書いてください。",
        ),
        InvalidGlobalKey => (
            "`{key}` is not a global condition key, so no request carries it",
            "`{key}` はグローバル条件キーではないため、どのリクエストにも含まれません。",
        ),
        InvalidServiceKey => (
            "{service} (`{prefix}`) has no condition key `{key}`, so no request carries it",
            "{service} (`{prefix}`) には条件キー `{key}` がないため、どのリクエストにも含まれません。",
        ),
        InvalidKeyService => (
            "`{prefix}` in `{key}` is neither `aws` nor an AWS service prefix, so no request carries this key",
            "`{key}` の `{prefix}` は `aws` でも AWS のサービスプレフィックスでもないため、このキーはどのリクエストにも含まれません。",
        ),
        TypeMismatch => (
            "`{operator}` compares {compares}, but the key `{key}` has type `{type}`; use {operators}",
            "`{operator}` は「{compares}」を比較する条件演算子ですが、キー `{key}` の型は `{type}` です。{operators}を使用してください。",
        ),
        ForAllValuesSingle => (
            "`ForAllValues:` with the single-valued key `{key}` is also true when the request lacks the key, which allows more than meant; remove `ForAllValues:`",
            "単一値のコンテキストキー `{key}` に `ForAllValues:` を使うと、リクエストにキーがないときにも true になり、意図したより多くを許可します。`ForAllValues:` を削除してください。",
        ),
        ForAnyValueSingle => (
            "`ForAnyValue:` is for multivalued keys, and `{key}` has a single value; remove `ForAnyValue:`",
            "`ForAnyValue:` は複数値のコンテキストキーに使うものですが、`{key}` は単一値のキーです。`ForAnyValue:` を削除してください。",
        ),
        MissingQualifier => (
            "`{key}` can carry several values in one request, so a plain `{operator}` does not say how to compare them; write `ForAllValues:{base}` (every value must match) or `ForAnyValue:{base}` (one must)",
            "`{key}` は 1 つのリクエストで複数の値を持つことがあるため、`{operator}` だけでは値の比較方法が決まりません。`ForAllValues:{base}` (すべての値が一致する必要があります) か `ForAnyValue:{base}` (1 つが一致すれば十分です) と書いてください。",
        ),
        WildcardWithoutLike => (
            "`{operator}` compares `*` and `?` as plain characters; to use them as wildcards, write `{like}`",
            "`{operator}` は `*` と `?` をただの文字として比較します。ワイルドカードとして使うには `{like}` と書いてください。",
        ),
        KeyOfAbsentService => (
            "`{key}` is a key of {service} (`{prefix}`) actions, and this statement has none, so the key is never in its requests",
            "`{key}` は {service} (`{prefix}`) のアクションの条件キーですが、このステートメントにはそのアクションがないため、リクエストにこのキーが含まれることはありません。",
        ),
        KeyNotSupported => (
            "none of the `{prefix}` actions of this statement supports the condition key `{key}`, so the key is never in their requests; check the key against the actions in the Service Authorization Reference",
            "このステートメントの `{prefix}` のアクションはどれも条件キー `{key}` をサポートしないため、それらのリクエストにこのキーが含まれることはありません。サービス認可リファレンスでアクションとキーを確認してください。",
        ),

        // ---- redundancy ----
        DuplicateAction => (
            "`{action}` appears twice in this list; remove one",
            "`{action}` がこのリストに 2 回あります。1 つを削除してください。",
        ),
        RedundantActionOne => (
            "`{action}` is redundant: {by} already covers it; remove it",
            "`{action}` は {by} にすでに含まれているため不要です。削除してください。",
        ),
        RedundantActionMany => (
            "`{action}` is redundant: {by} already cover it; remove it",
            "`{action}` は {by} にすでに含まれているため不要です。削除してください。",
        ),
        RedundantStatement => (
            "{statement} allows or denies nothing that {by} does not already; remove it, or the two will drift apart when one is edited",
            "{by} は、{statement} が許可または拒否するものをすべて許可または拒否しています。{statement} を削除してください。残しておくと、片方を編集したときに 2 つが食い違います。",
        ),

        // ---- resource and trust policies ----
        PublicTrust => (
            "this statement lets anyone, in any AWS account, assume the role, with no condition; name the trusted principals, or add a condition such as `sts:ExternalId` or `aws:PrincipalOrgID`",
            "このステートメントは、どの AWS アカウントの誰にでも、条件なしでロールを引き受けることを許可します。信頼するプリンシパルを指定するか、`sts:ExternalId` や `aws:PrincipalOrgID` などの条件を追加してください。",
        ),
        PublicResource => (
            "this statement allows everyone — every AWS account and anonymous callers — with no condition; name the principals, or add a condition such as `aws:SourceAccount`, `aws:PrincipalOrgID` or `aws:SourceIp`",
            "このステートメントは、すべての AWS アカウントと匿名の呼び出し元を含む全員に、条件なしでアクセスを許可します。プリンシパルを指定するか、`aws:SourceAccount`、`aws:PrincipalOrgID`、`aws:SourceIp` などの条件を追加してください。",
        ),
        VariableInOldVersion => (
            "policy variables work only with \"Version\": \"2012-10-17\"; here `${…}` is plain text, so this matches nothing that was meant; set the version",
            "ポリシー変数が使えるのは \"Version\": \"2012-10-17\" のときだけです。ここでは `${…}` はただの文字列なので、意図したものには一致しません。バージョンを指定してください。",
        ),

        // ---- privilege escalation ----
        EscalationOne => (
            "this policy allows {actions}: the holder {how}, and so can give themselves more permissions (privilege escalation method {name} in Rhino Security Labs' list); remove it, or limit it to named resources and guard it with conditions",
            "このポリシーは {actions} を許可しています。このポリシーを持つプリンシパルは、{how}。こうして自分自身の権限を増やせます (Rhino Security Labs の一覧にある権限昇格の手法 {name})。削除するか、名前を指定したリソースに限定して条件で保護してください。",
        ),
        EscalationMany => (
            "this policy allows {n} privilege escalation methods of Rhino Security Labs' list, ways for the holder to give themselves more permissions: {each}; allow only the actions needed, on named resources",
            "このポリシーは、Rhino Security Labs の一覧にある権限昇格の手法を {n} 個許可しています。いずれも、このポリシーを持つプリンシパルが自分自身の権限を増やす方法です: {each}。必要なアクションだけを、名前を指定したリソースに対して許可してください。",
        ),
        /// How each method works: English as a verb phrase after "the holder", Japanese as a
        /// predicate after 「このポリシーを持つプリンシパルは、」.
        HowCreateNewPolicyVersion => (
            "writes a new default version of a managed policy, which can grant anything",
            "何でも許可する新しいデフォルトバージョンを管理ポリシーに書き込めます",
        ),
        HowSetExistingDefaultPolicyVersion => (
            "switches a managed policy back to an older, possibly broader, version",
            "管理ポリシーを、より広い権限を持つかもしれない古いバージョンに戻せます",
        ),
        HowCreateEc2WithExistingIp => (
            "starts an instance with a more powerful role and uses the role's credentials from it",
            "より強力なロールでインスタンスを起動し、そのインスタンスからロールの認証情報を使えます",
        ),
        HowCreateAccessKey => (
            "creates access keys for another, more powerful user",
            "より強力な別のユーザーのアクセスキーを作成できます",
        ),
        HowCreateLoginProfile => (
            "sets a console password for another user who has none, then signs in as them",
            "コンソールパスワードのない別のユーザーにパスワードを設定し、そのユーザーとしてサインインできます",
        ),
        HowUpdateLoginProfile => (
            "changes another user's console password, then signs in as them",
            "別のユーザーのコンソールパスワードを変更し、そのユーザーとしてサインインできます",
        ),
        HowAttachUserPolicy => (
            "attaches any managed policy, such as AdministratorAccess, to a user",
            "AdministratorAccess などの任意の管理ポリシーをユーザーにアタッチできます",
        ),
        HowAttachGroupPolicy => (
            "attaches any managed policy to a group the holder is in",
            "自分が属するグループに任意の管理ポリシーをアタッチできます",
        ),
        HowAttachRolePolicy => (
            "attaches any managed policy to a role the holder is or can assume",
            "自分のロール、または自分が引き受けられるロールに任意の管理ポリシーをアタッチできます",
        ),
        HowPutUserPolicy => (
            "writes an inline policy granting anything to a user",
            "何でも許可するインラインポリシーをユーザーに書き込めます",
        ),
        HowPutGroupPolicy => (
            "writes an inline policy granting anything to a group the holder is in",
            "何でも許可するインラインポリシーを、自分が属するグループに書き込めます",
        ),
        HowPutRolePolicy => (
            "writes an inline policy granting anything to a role the holder is or can assume",
            "何でも許可するインラインポリシーを、自分のロール、または自分が引き受けられるロールに書き込めます",
        ),
        HowAddUserToGroup => (
            "adds a user to a more powerful group",
            "ユーザーをより強力なグループに追加できます",
        ),
        HowUpdateRolePolicyToAssumeIt => (
            "rewrites a powerful role's trust policy to trust the holder, then assumes it",
            "強力なロールの信頼ポリシーを書き換えて自分を信頼させ、そのロールを引き受けられます",
        ),
        HowPassRoleToNewLambdaThenInvoke => (
            "creates a function that runs with a more powerful role and invokes it",
            "より強力なロールで実行される関数を作成して呼び出せます",
        ),
        HowPassRoleToNewLambdaWithNewDynamo => (
            "creates a function with a more powerful role and triggers it from a new DynamoDB table",
            "より強力なロールを持つ関数を作成し、新しい DynamoDB テーブルからトリガーできます",
        ),
        HowPassRoleToNewLambdaWithExistingDynamo => (
            "creates a function with a more powerful role and triggers it from an existing DynamoDB stream",
            "より強力なロールを持つ関数を作成し、既存の DynamoDB ストリームからトリガーできます",
        ),
        HowPassRoleToNewGlueDevEndpoint => (
            "creates a Glue development endpoint with a more powerful role and logs in to it",
            "より強力なロールで Glue 開発エンドポイントを作成し、そこにログインできます",
        ),
        HowUpdateExistingGlueDevEndpoint => (
            "puts the holder's SSH key on an existing Glue development endpoint and uses its role",
            "既存の Glue 開発エンドポイントに自分の SSH キーを登録し、そのロールを使えます",
        ),
        HowPassRoleToCloudFormation => (
            "creates a stack that runs with a more powerful role and creates whatever it is told to",
            "より強力なロールで実行されるスタックを作成し、指示したものを何でも作成させられます",
        ),
        HowPassRoleToNewDataPipeline => (
            "creates a data pipeline that runs commands with a more powerful role",
            "より強力なロールでコマンドを実行するデータパイプラインを作成できます",
        ),
        HowEditExistingLambdaWithRole => (
            "replaces the code of a function that runs with a more powerful role",
            "より強力なロールで実行される関数のコードを置き換えられます",
        ),
    }
}
