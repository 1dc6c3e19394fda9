//! The messages of the scenario loader (`account::scenario`): why a scenario file does not
//! load, and the sandbox's rules for names, paths and quotas as a file breaks them. Like the
//! lint messages, they name fields and values in backticks and end without a full stop, since
//! the field path follows them.

crate::catalog! {
    /// Scenario files that do not load.
    pub enum Scenario {
        /// The file is over the size limit.
        TooLarge => (
            "the file is {n} bytes; scenarios are limited to {max}",
            "ファイルが {n} バイトあります。シナリオは {max} バイトまでです",
        ),
        /// A `schema` this build does not read.
        SchemaMismatch => (
            "this scenario uses schema {got}, but this iamdojo reads schema {want}; update iamdojo or the file",
            "このシナリオはスキーマ {got} を使っていますが、この iamdojo が読めるのはスキーマ {want} です。iamdojo かファイルを更新してください",
        ),
        /// An OIDC provider's `url` (or a token's `issuer`) that is not an `https://` URL.
        BadOidcUrl => (
            "`{value}` is not an OpenID Connect issuer URL; write one that starts with https://, such as https://token.actions.githubusercontent.com",
            "`{value}` は OpenID Connect の発行者 URL ではありません。https://token.actions.githubusercontent.com のように https:// で始まる URL を書いてください",
        ),
        /// A token declared with `issuer:` whose claims lack `sub` or `aud`.
        TokenClaimMissing => (
            "the token has no `{claim}` claim; every ID token names its subject (sub) and audience (aud)",
            "トークンに `{claim}` クレームがありません。ID トークンには必ずサブジェクト (sub) とオーディエンス (aud) があります",
        ),
        /// An entry of `github_repositories:` that is not `OWNER/REPO`.
        BadGithubRepository => (
            "`{value}` is not a GitHub repository; write `OWNER/REPO` in letters, digits and `- _ .`, such as aozora/site",
            "`{value}` は GitHub のリポジトリではありません。aozora/site のように、英数字と `- _ .` で `OWNER/REPO` の形に書いてください",
        ),
        /// A token that is neither `github:` nor `issuer:` with `claims:`.
        TokenKind => (
            "give a token either `github:` with its `repository:`, or an `issuer:` with its `claims:`, not both",
            "トークンには `repository:` を持つ `github:` か、`claims:` を持つ `issuer:` のどちらか一方を指定してください",
        ),
        /// `account.id` that is not twelve digits.
        BadAccountId => (
            "`{id}` is not a 12-digit account id",
            "`{id}` は 12 桁のアカウント ID ではありません",
        ),
        /// A time that does not parse.
        NotATime => (
            "`{value}` is not a time; write ISO 8601 such as 2026-03-02T09:00:00Z",
            "`{value}` は時刻ではありません。2026-03-02T09:00:00Z のような ISO 8601 形式で書いてください",
        ),
        /// An event's `at` that is neither a time nor an offset.
        NotATimeOrOffset => (
            "`{value}` is not a time or an offset such as +2h",
            "`{value}` は時刻でも、+2h のようなオフセットでもありません",
        ),
        /// A YAML policy document that cannot become JSON; `{error}` is serde_json's reason.
        NotJson => (
            "cannot turn the document into JSON: {error}",
            "ドキュメントを JSON に変換できません: {error}",
        ),
        /// A policy document the parser refuses; `{error}` is the parser's message.
        MalformedPolicy => (
            "the policy is malformed: {error}",
            "ポリシーの形式が正しくありません: {error}",
        ),
        /// A reference that starts like an ARN but is not a policy's.
        NotPolicyArn => (
            "`{arn}` is not the ARN of an IAM policy, such as `arn:aws:iam::123456789012:policy/Name` or `arn:aws:iam::aws:policy/ReadOnlyAccess`; or give the policy's name",
            "`{arn}` は IAM ポリシーの ARN ではありません。`arn:aws:iam::123456789012:policy/Name` や `arn:aws:iam::aws:policy/ReadOnlyAccess` のような ARN か、ポリシーの名前を指定してください",
        ),
        /// A customer managed policy with neither `document` nor `versions`.
        DocumentOrVersions => (
            "the policy has no document: give `document`, or `versions` and `default_version`",
            "ポリシーにドキュメントがありません。`document` か、`versions` と `default_version` を指定してください",
        ),
        /// A customer managed policy with both `document` and `versions`.
        DocumentAndVersions => (
            "give either `document` (one version) or `versions` (several), not both",
            "`document` (1 つのバージョン) と `versions` (複数のバージョン) は、どちらか一方だけを指定してください",
        ),
        /// `versions` of more than one without `default_version`.
        DefaultVersionNeeded => (
            "the policy has {n} versions: say which is the default, from `v1` to `v{n}`",
            "ポリシーにバージョンが {n} 個あります。どれがデフォルトかを `v1` から `v{n}` で指定してください",
        ),
        /// A `default_version` that names none of the versions.
        BadDefaultVersion => (
            "`{value}` is not one of the policy's versions: write `v1` to `v{n}`",
            "`{value}` はこのポリシーのバージョンではありません。`v1` から `v{n}` で指定してください",
        ),
        /// A policy name found nowhere.
        NoSuchPolicy => (
            "no policy `{name}` in this scenario or among the bundled AWS managed policies",
            "このシナリオにも、同梱の AWS 管理ポリシーにも、ポリシー `{name}` はありません",
        ),
        /// A policy ARN of this account that is not defined.
        PolicyNotDefined => (
            "the policy `{arn}` does not exist; define it under `policies:`",
            "ポリシー `{arn}` は存在しません。`policies:` の下で定義してください",
        ),
        /// An access key's `status` other than `Active` and `Inactive`.
        BadKeyStatus => (
            "`{value}` is not a key status; use Active or Inactive",
            "`{value}` はアクセスキーのステータスではありません。Active か Inactive を使ってください",
        ),
        /// An access key id of the wrong shape.
        BadKeyId => (
            "`{id}` is not an access key id: AKIA followed by 16 capitals and digits",
            "`{id}` はアクセスキー ID ではありません。AKIA の後に英大文字と数字を 16 文字続けてください",
        ),
        /// Two entities of one kind with one name; `{kind}` is one of the kinds below.
        DefinedTwice => (
            "the {kind} `{name}` is defined twice",
            "{kind} `{name}` が 2 回定義されています",
        ),
        /// A policy, as a kind of entity.
        KindPolicy => ("policy", "ポリシー"),
        /// A group, as a kind of entity.
        KindGroup => ("group", "グループ"),
        /// A user, as a kind of entity.
        KindUser => ("user", "ユーザー"),
        /// A role, as a kind of entity.
        KindRole => ("role", "ロール"),
        /// A Lambda function, as a kind of entity.
        KindFunction => ("function", "関数"),
        /// A function's role that the scenario does not define.
        NoSuchRole => (
            "no role `{name}` in this scenario; name a role under `roles:`, by its name or its ARN",
            "このシナリオにロール `{name}` はありません。`roles:` の下のロールを名前か ARN で指定してください",
        ),
        /// A Lambda function name Lambda refuses.
        BadFunctionName => (
            "`{name}` is not a Lambda function name: 1 to 64 letters, digits, hyphens and underscores",
            "`{name}` は Lambda の関数名ではありません。英字、数字、ハイフン、アンダースコアで 1〜64 文字にしてください",
        ),
        /// A line of a function's code that is not an AWS CLI command line.
        NotAwsLine => (
            "`{line}` is not an AWS CLI command line; a function's code is one `aws …` call a line",
            "`{line}` は AWS CLI のコマンドではありません。関数のコードは 1 行に 1 つの `aws …` の呼び出しです",
        ),
        /// A function's code over the sandbox's bound.
        TooManyCalls => (
            "a function's code holds at most {max} calls; this one has {n}",
            "関数のコードに書ける呼び出しは {max} 個までです。この関数には {n} 個あります",
        ),
        /// A user's group that the scenario does not define.
        NoSuchGroup => (
            "no group `{name}` in this scenario",
            "このシナリオにグループ `{name}` はありません",
        ),
        /// An event's user that the scenario does not define.
        NoSuchUser => (
            "no user `{name}` in this scenario",
            "このシナリオにユーザー `{name}` はありません",
        ),
        /// An event's access key that the scenario does not define.
        NoSuchKey => (
            "no access key `{key}` in this scenario",
            "このシナリオにアクセスキー `{key}` はありません",
        ),
        /// An instance's profile that no role gives.
        NoSuchProfile => (
            "no instance profile `{name}`; give a role `instance_profile: {name}`",
            "インスタンスプロファイル `{name}` はありません。ロールに `instance_profile: {name}` を指定してください",
        ),
        /// A role's `max_session_duration` out of range.
        SessionDuration => (
            "`{n}` is outside AWS's range of 3600 to 43200 seconds (1 to 12 hours)",
            "`{n}` は AWS の範囲 (3600〜43200 秒、1〜12 時間) の外です",
        ),
        /// A second role for an instance profile; `{quota}` is the quota's message.
        ProfileTaken => (
            "the instance profile `{name}` already holds the role `{roles}`: {quota}; give this role a profile of its own",
            "インスタンスプロファイル `{name}` にはすでにロール `{roles}` があります: {quota}。このロールには別のインスタンスプロファイルを指定してください",
        ),
        /// A security group rule's port that does not parse.
        BadPort => (
            "a port is a number, a range such as 8000-8080, or `all`",
            "ポートには数値、8000-8080 のような範囲、または `all` を書いてください",
        ),
        /// A security group rule's CIDR block that does not parse.
        BadCidr => (
            "`{cidr}` is not a CIDR block such as 203.0.113.0/24",
            "`{cidr}` は 203.0.113.0/24 のような CIDR ブロックではありません",
        ),
        /// An instance's `state` of no known name.
        BadState => (
            "`{value}` is not an instance state; use pending, running, stopping, stopped, shutting-down or terminated",
            "`{value}` はインスタンスの状態ではありません。pending、running、stopping、stopped、shutting-down、terminated のいずれかを使ってください",
        ),
        /// An instance's `region` of no known name.
        BadRegion => (
            "`{value}` is not an AWS Region; write a Region code such as us-east-1 or ap-northeast-1",
            "`{value}` は AWS リージョンではありません。us-east-1 や ap-northeast-1 のようなリージョンコードを書いてください",
        ),
        /// An event's `as` of no known form.
        BadActor => (
            "write `as: root`, `as: {user: NAME}`, `as: {access_key: AKIA…}` or `as: {instance: i-…}`",
            "`as: root`、`as: {user: NAME}`、`as: {access_key: AKIA…}`、`as: {instance: i-…}` のいずれかを書いてください",
        ),
        /// An event's instance that the scenario does not define.
        NoSuchInstance => (
            "no instance `{id}` in this scenario; name one of `instances:` by its id",
            "このシナリオにインスタンス `{id}` はありません。`instances:` のインスタンスを ID で指定してください",
        ),
        /// An event acting as an instance whose metadata service has no role's credentials.
        InstanceHasNoRole => (
            "the instance `{id}` has no instance profile holding a role, so its metadata service hands out no credentials; give it `profile:` of a role's `instance_profile:`",
            "インスタンス `{id}` にはロールを含むインスタンスプロファイルがないため、メタデータサービスは認証情報を渡しません。ロールの `instance_profile:` を `profile:` に指定してください",
        ),

        // ---- quotas ----
        /// More of something than a quota allows; `{what}` is one of the quotas below.
        QuotaExceeded => (
            "{count} {what}, but AWS allows at most {limit} (the {quota} quota)",
            "{what}が {count} 個ありますが、AWS が許可するのは {limit} 個までです ({quota} クォータ)",
        ),
        /// After a quota exceeded in a file.
        RemoveSome => ("; remove some", "。いくつか削除してください"),
        /// The quota of managed policies per user.
        QuotaUserPolicies => (
            "managed policies attached to one user",
            "1 人のユーザーにアタッチされた管理ポリシー",
        ),
        /// The quota of managed policies per group.
        QuotaGroupPolicies => (
            "managed policies attached to one group",
            "1 つのグループにアタッチされた管理ポリシー",
        ),
        /// The quota of managed policies per role.
        QuotaRolePolicies => (
            "managed policies attached to one role",
            "1 つのロールにアタッチされた管理ポリシー",
        ),
        /// The quota of groups per user.
        QuotaGroupsPerUser => ("groups for one user", "1 人のユーザーが属するグループ"),
        /// The quota of access keys per user.
        QuotaKeysPerUser => ("access keys for one user", "1 人のユーザーのアクセスキー"),
        /// The quota of versions per managed policy.
        QuotaVersionsPerPolicy => (
            "versions of one managed policy",
            "1 つの管理ポリシーのバージョン",
        ),
        /// The quota of roles per instance profile.
        QuotaRolesPerProfile => (
            "roles in one instance profile",
            "1 つのインスタンスプロファイルのロール",
        ),

        // ---- IAM names and paths ----
        /// A name AWS refuses; `{kind}` is one of the kinds below, `{why}` empty or one of the
        /// reasons below.
        BadName => (
            "`{name}` is not a valid IAM {kind} name: use letters, digits and + = , . @ _ - (at most {max} characters){why}",
            "`{name}` は IAM {kind}名として使えません。英字、数字、+ = , . @ _ - を使ってください ({max} 文字まで){why}",
        ),
        /// An empty name.
        NameEmpty => (" (it is empty)", " (空です)"),
        /// A name over the length limit.
        NameLength => (" (it has {n})", " ({n} 文字あります)"),
        /// An inline policy, as a kind of name.
        KindInlinePolicy => ("inline policy", "インラインポリシー"),
        /// An instance profile, as a kind of name.
        KindInstanceProfile => ("instance profile", "インスタンスプロファイル"),
        /// A path AWS refuses.
        BadPath => (
            "`{path}` is not a valid IAM path: begin and end with `/`, such as `/` or `/engineering/ops/`, and use printable ASCII characters without spaces (at most {max} characters)",
            "`{path}` は IAM パスとして使えません。`/` や `/engineering/ops/` のように `/` で始めて `/` で終え、スペースを含まない印字可能な ASCII 文字を使ってください ({max} 文字まで)",
        ),
        // ---- accounts and the organization ----
        /// An account, as a kind of entity.
        KindAccount => ("account", "アカウント"),
        /// An access key, as a kind of entity (key ids are unique across accounts).
        KindAccessKey => ("access key", "アクセスキー"),
        /// An organizational unit, as a kind of entity.
        KindUnit => ("organizational unit", "組織単位"),
        /// An SCP or RCP, as a kind of entity.
        KindOrgPolicy => ("organization policy", "組織のポリシー"),
        /// An account id that is neither the home account's nor one of `accounts:`.
        NoSuchAccount => (
            "no account `{id}` in this scenario: the home account is `account.id`, the others are listed under `accounts:`",
            "このシナリオにアカウント `{id}` はありません。ホームアカウントは `account.id`、ほかのアカウントは `accounts:` の下に書きます",
        ),
        /// An organization id that is not one.
        BadOrgId => (
            "`{id}` is not an organization id: write `o-` and 10 to 32 lowercase letters or digits, such as `o-a1b2c3d4e5`",
            "`{id}` は組織 ID ではありません。`o-a1b2c3d4e5` のように、`o-` のあとに 10～32 文字の英小文字か数字を書いてください",
        ),
        /// An account listed outside the organization and placed in it (or its management
        /// account).
        OutsideAndIn => (
            "the account `{id}` cannot be outside the organization: it is its management account or placed under `organization.accounts`",
            "アカウント `{id}` は組織の外に置けません。管理アカウントであるか、`organization.accounts` で組織内に置かれています",
        ),
        /// An OU's parent, or an account's place, that names no OU.
        NoSuchUnit => (
            "no organizational unit `{name}`: name `Root` or one of `organization.units`, listed before it",
            "組織単位 `{name}` はありません。`Root` か、それより前に `organization.units` に書いた組織単位の名前を指定してください",
        ),
        /// A policy target that is not the root, an OU or an account.
        NoSuchTarget => (
            "no root, organizational unit or account `{name}`: a target is `Root`, an OU's name or a member account's id",
            "ルート、組織単位、アカウントのどれにも `{name}` はありません。ターゲットには `Root`、組織単位の名前、メンバーアカウントの ID のいずれかを指定してください",
        ),
        /// A policy `type` that is neither SCP nor RCP.
        BadOrgPolicyType => (
            "`{value}` is not a policy type the sandbox has: write SERVICE_CONTROL_POLICY or RESOURCE_CONTROL_POLICY",
            "`{value}` はサンドボックスにあるポリシータイプではありません。SERVICE_CONTROL_POLICY か RESOURCE_CONTROL_POLICY を書いてください",
        ),
        /// An RCP statement that breaks the rules of RCPs.
        BadRcp => (
            "statement {index} cannot be in an RCP: an RCP statement has Effect Deny, an Action (not NotAction) and Principal \"*\"",
            "ステートメント {index} は RCP に書けません。RCP のステートメントは、Effect が Deny で、NotAction ではなく Action を持ち、Principal が \"*\" です",
        ),
        /// OUs nested deeper than AWS allows.
        UnitsTooDeep => (
            "organizational units nest at most {max} levels under the root",
            "組織単位はルートの下に {max} 階層までしか入れ子にできません",
        ),
        /// More entries than the sandbox takes.
        TooMany => (
            "{n} entries; the sandbox takes at most {max}",
            "{n} 個あります。サンドボックスが受け付けるのは {max} 個までです",
        ),
        /// A profile that says neither or both of `root` and `user`.
        ProfileWho => (
            "a profile signs in as `root: true` or as a `user: NAME`, one of the two",
            "プロファイルは `root: true` か `user: NAME` のどちらか一方でサインインします",
        ),
        /// A profile's user that the account does not have.
        NoSuchUserIn => (
            "no user `{name}` in the account `{id}`",
            "アカウント `{id}` にユーザー `{name}` はありません",
        ),
    }
}
