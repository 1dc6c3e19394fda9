//! What the account audit (`iamdojo audit`, the interface's findings panel) and `iamdojo
//! access` say: each control's title, the evidence sentences and fix explanations of its
//! findings, the steps of an escalation path, and the text report's headings, counts and
//! errors.
//!
//! Fix commands are not here: they stay commands (`aws iam delete-access-key …`), as do
//! Security Hub's control ids (`IAM.4`), ours (`IAMDOJO.2`) and the severity labels, which are
//! the values of Security Hub's `Severity.Label` (the JSON output carries them too). The JSON
//! output is worded in English, from these entries' English.
//!
//! The Japanese titles say what is wrong, as the English ones do (Security Hub's titles say
//! what should be). Where AWS's Japanese Security Hub documentation gives a control's title,
//! the title follows its wording; the pages are cited at the entry. The IAM, EC2 and
//! CloudTrail control pages of that documentation were not in the stored copies the titles
//! were checked against: those titles use the glossary of docs/style-ja.md.

crate::catalog! {
    /// The account audit and `iamdojo access`.
    pub enum Audit {
        // ----- Control titles -----
        TitleIam4 => (
            "The root user has an access key",
            "ルートユーザーにアクセスキーがあります",
        ),
        TitleIam9 => (
            "MFA is not enabled for the root user",
            "ルートユーザーに対して MFA が有効になっていません",
        ),
        TitleIam6 => (
            "Hardware MFA is not enabled for the root user",
            "ルートユーザーに対してハードウェア MFA が有効になっていません",
        ),
        TitleIam1 => (
            "A customer managed policy grants full \"*\" administrative privileges",
            "カスタマー管理ポリシーが \"*\" の完全な管理者権限を付与しています",
        ),
        /// AWS: 「[S3.2] S3 汎用バケットはパブリック読み取りアクセスをブロックする必要があります」
        /// (<https://docs.aws.amazon.com/ja_jp/securityhub/latest/userguide/s3-controls.html>).
        TitleS32 => (
            "An S3 bucket allows public read access",
            "S3 バケットがパブリック読み取りアクセスを許可しています",
        ),
        /// AWS: 「[S3.3] S3 汎用バケットはパブリック書き込みアクセスをブロックする必要があります」
        /// (<https://docs.aws.amazon.com/ja_jp/securityhub/latest/userguide/s3-controls.html>).
        TitleS33 => (
            "An S3 bucket allows public write access",
            "S3 バケットがパブリック書き込みアクセスを許可しています",
        ),
        TitleEc213 => (
            "A security group allows SSH (port 22) from anywhere",
            "セキュリティグループがどこからでも SSH (ポート 22) を許可しています",
        ),
        TitleEc214 => (
            "A security group allows RDP (port 3389) from anywhere",
            "セキュリティグループがどこからでも RDP (ポート 3389) を許可しています",
        ),
        TitleEc253 => (
            "A security group allows remote administration ports from 0.0.0.0/0",
            "セキュリティグループが 0.0.0.0/0 からリモート管理ポートへのアクセスを許可しています",
        ),
        TitleEc254 => (
            "A security group allows remote administration ports from ::/0",
            "セキュリティグループが ::/0 からリモート管理ポートへのアクセスを許可しています",
        ),
        TitleEc22 => (
            "The default security group allows traffic",
            "デフォルトのセキュリティグループがトラフィックを許可しています",
        ),
        TitleEc28 => (
            "An EC2 instance does not require IMDSv2",
            "EC2 インスタンスで IMDSv2 が必須になっていません",
        ),
        TitleCloudTrail1 => (
            "No multi-Region CloudTrail trail is logging",
            "ログを記録しているマルチリージョンの CloudTrail 証跡がありません",
        ),
        /// AWS: 「[GuardDuty.1] GuardDuty を有効にする必要があります」
        /// (<https://docs.aws.amazon.com/ja_jp/securityhub/latest/userguide/guardduty-controls.html>).
        TitleGuardDuty1 => (
            "GuardDuty is not enabled",
            "GuardDuty が有効になっていません",
        ),
        TitleIam5 => (
            "A user with a console password has no MFA",
            "コンソールパスワードを持つユーザーに MFA がありません",
        ),
        TitleIam19 => (
            "MFA is not enabled for a user",
            "ユーザーに対して MFA が有効になっていません",
        ),
        TitleIam3 => (
            "An access key has not been rotated in 90 days",
            "アクセスキーが 90 日以上ローテーションされていません",
        ),
        TitleIam8 => (
            "A user's credentials have not been used in 90 days",
            "ユーザーの認証情報が 90 日間使用されていません",
        ),
        TitleIam22 => (
            "A user's credentials have not been used in 45 days",
            "ユーザーの認証情報が 45 日間使用されていません",
        ),
        TitleIam7 => (
            "The password policy is weak",
            "パスワードポリシーが強力ではありません",
        ),
        TitleIam11 => (
            "The password policy does not require an uppercase letter",
            "パスワードポリシーで大文字が必須になっていません",
        ),
        TitleIam12 => (
            "The password policy does not require a lowercase letter",
            "パスワードポリシーで小文字が必須になっていません",
        ),
        TitleIam13 => (
            "The password policy does not require a symbol",
            "パスワードポリシーで記号が必須になっていません",
        ),
        TitleIam14 => (
            "The password policy does not require a number",
            "パスワードポリシーで数字が必須になっていません",
        ),
        TitleIam15 => (
            "The password policy allows passwords shorter than 14 characters",
            "パスワードポリシーで 14 文字未満のパスワードが許可されています",
        ),
        TitleIam16 => (
            "The password policy allows reusing recent passwords",
            "パスワードポリシーで最近のパスワードの再利用が許可されています",
        ),
        TitleIam17 => (
            "The password policy does not expire passwords within 90 days",
            "パスワードポリシーで、パスワードが 90 日以内に失効しません",
        ),
        /// AWS: 「[S3.1] S3 汎用バケットでは、パブリックアクセスブロック設定を有効にする必要があります」
        /// (<https://docs.aws.amazon.com/ja_jp/securityhub/latest/userguide/s3-controls.html>).
        TitleS31 => (
            "Account-level S3 Block Public Access is not fully on",
            "アカウントレベルの S3 パブリックアクセスブロック設定がすべては有効になっていません",
        ),
        /// AWS: 「[S3.8] S3 汎用バケットはパブリックアクセスをブロックする必要があります」
        /// (<https://docs.aws.amazon.com/ja_jp/securityhub/latest/userguide/s3-controls.html>).
        TitleS38 => (
            "An S3 bucket does not block public access",
            "S3 バケットがパブリックアクセスをブロックしていません",
        ),
        TitleIam2 => (
            "A user has policies attached directly instead of through a group",
            "ユーザーに、グループ経由ではなく直接ポリシーがアタッチされています",
        ),
        TitleIam21 => (
            "A customer managed policy allows a whole service (\"service:*\")",
            "カスタマー管理ポリシーがサービス全体 (\"service:*\") を許可しています",
        ),
        TitleIam10 => (
            "The password policy misses the PCI DSS minimums",
            "パスワードポリシーが PCI DSS の最低要件を満たしていません",
        ),
        TitleIam24 => (
            "An IAM role has no tags",
            "IAM ロールにタグが付けられていません",
        ),
        TitleIam25 => (
            "An IAM user has no tags",
            "IAM ユーザーにタグが付けられていません",
        ),
        TitleIam23 => (
            "An IAM Access Analyzer analyzer has no tags",
            "IAM Access Analyzer のアナライザーにタグが付けられていません",
        ),
        TitleIam26 => (
            "An expired SSL/TLS certificate is still stored in IAM",
            "期限切れの SSL/TLS 証明書が IAM に保存されたままです",
        ),
        TitleIam28 => (
            "No IAM Access Analyzer external access analyzer is enabled",
            "IAM Access Analyzer の外部アクセスアナライザーが有効になっていません",
        ),
        TitleIam27 => (
            "An identity has AWSCloudShellFullAccess attached",
            "アイデンティティに AWSCloudShellFullAccess がアタッチされています",
        ),
        TitleIam18 => (
            "No role is set up for AWS Support incidents",
            "AWS Support でインシデントに対応するためのロールがありません",
        ),
        TitleDojo1 => (
            "More than one identity has full administrator access",
            "完全な管理者アクセス権限を持つアイデンティティが複数あります",
        ),
        TitleDojo2 => (
            "An identity can escalate itself to administrator",
            "アイデンティティが自分自身を管理者に昇格できます",
        ),
        TitleDojo3 => (
            "A role's trust policy admits anyone, another account without an external id, or any identity of a web identity provider",
            "ロールの信頼ポリシーが、誰でも、外部 ID のない別のアカウント、またはウェブ ID プロバイダーのあらゆるアイデンティティを受け入れています",
        ),
        TitleDojo4 => (
            "A role has not been used in 90 days",
            "ロールが 90 日間使用されていません",
        ),
        TitleDojo5 => (
            "No budget or billing alarm warns about unexpected charges",
            "予期しない料金を知らせる予算も請求アラームもありません",
        ),
        TitleDojo6 => (
            "The root user was used recently",
            "ルートユーザーが最近使用されました",
        ),
        TitleDojo7 => (
            "An access key was used from a known malicious IP or an unusual place",
            "アクセスキーが、既知の悪意のある IP アドレスまたは普段と異なる場所から使用されました",
        ),
        TitleDojo8 => (
            "GuardDuty has active findings",
            "GuardDuty にアクティブな検出結果があります",
        ),
        TitleDojo10 => (
            "A policy has entries that are invalid or grant nothing (typos)",
            "ポリシーに、無効な項目または何も許可しない項目 (入力ミス) があります",
        ),
        TitleDojo11 => (
            "A policy grants risky permissions (escalation, credentials, data, permissions management on every resource)",
            "ポリシーが危険な権限 (権限昇格、認証情報、データ、すべてのリソースに対するアクセス許可の管理) を付与しています",
        ),
        TitleDojo12 => (
            "A policy has entries that do not do what they seem to (validate-policy warnings)",
            "ポリシーに、見かけどおりには働かない項目 (validate-policy の警告) があります",
        ),
        TitleDojo9 => (
            "An access key is active but has never been used",
            "アクティブなアクセスキーが一度も使用されていません",
        ),

        // ----- Separators of listed items -----
        /// Between names or short items.
        SepComma => (", ", "、"),
        /// Between phrases that English separates with a semicolon.
        SepSemicolon => ("; ", "、"),
        /// Between clauses: Japanese writes them as sentences.
        SepSentences => ("; ", "。"),

        // ----- Evidence -----
        RootKeyActive => (
            "root access key {key} is active (created {date})",
            "ルートユーザーのアクセスキー {key} がアクティブです (作成日 {date})",
        ),
        RootPasswordAlone => (
            "the root user signs in with a password alone",
            "ルートユーザーはパスワードだけでサインインしています",
        ),
        RootNoMfaDevice => (
            "the root user has no MFA device, hardware or virtual",
            "ルートユーザーには、ハードウェアと仮想のどちらの MFA デバイスもありません",
        ),
        AdminDefaultVersion => (
            "the default version {version} of {policy} allows \"Action\": \"*\" on \"Resource\": \"*\"",
            "{policy} のデフォルトバージョン {version} が、\"Resource\": \"*\" に対して \"Action\": \"*\" を許可しています",
        ),
        BucketWhy => (
            "{bucket}: {why}",
            "バケット {bucket}: {why}",
        ),
        BucketAcl => (
            "the ACL is {acl}",
            "ACL が {acl} です",
        ),
        BucketPolicyPublic => (
            "the bucket policy allows Principal \"*\" without a condition",
            "バケットポリシーが、条件なしで Principal \"*\" を許可しています",
        ),
        PortOpen => (
            "{group} ({name}) lets port {port} in from {cidr}",
            "{group} ({name}) が {cidr} からポート {port} への接続を許可しています",
        ),
        DefaultGroupRules => (
            "the default group {group} has {n} ingress rule(s)",
            "デフォルトのセキュリティグループ {group} にインバウンドルールが {n} 件あります",
        ),
        NoSessionToken => (
            "{instance} ({kind}) accepts metadata requests without a session token (HttpTokens={tokens})",
            "{instance} ({kind}) が、セッショントークンのないメタデータリクエストを受け付けます (HttpTokens={tokens})",
        ),
        NoTrail => (
            "the account has no trail: API activity older than 90 days is lost and nothing is kept outside the account",
            "アカウントに証跡がありません。90 日より前の API アクティビティは失われ、アカウントの外には何も残りません",
        ),
        TrailsNotLogging => (
            "{n} trail(s), none both multi-Region and logging",
            "証跡は {n} 件ありますが、マルチリージョンでログを記録しているものはありません",
        ),
        NoDetector => (
            "no GuardDuty detector: crypto mining or calls from malicious IPs would go unnoticed",
            "GuardDuty のディテクターがありません。暗号資産のマイニングや、悪意のある IP アドレスからの呼び出しに気付けません",
        ),
        ConsoleWithoutMfa => (
            "{user} signs in to the console with a password and no MFA device",
            "{user} は MFA デバイスなしで、パスワードだけでコンソールにサインインしています",
        ),
        UserNoMfa => (
            "{user} has no MFA device",
            "{user} には MFA デバイスがありません",
        ),
        KeyAge => (
            "{user}'s key {key} is {days} days old (created {date})",
            "{user} のアクセスキー {key} は作成から {days} 日たっています (作成日 {date})",
        ),
        PasswordLastUsed => (
            "{user}'s console password was last used {date}",
            "{user} のコンソールパスワードが最後に使用されたのは {date} です",
        ),
        PasswordNeverUsed => (
            "{user}'s console password was last used never (set {date})",
            "{user} のコンソールパスワードは一度も使用されていません (設定日 {date})",
        ),
        KeyLastUsed => (
            "{user}'s key {key} was last used {date}",
            "{user} のアクセスキー {key} が最後に使用されたのは {date} です",
        ),
        KeyNeverUsedSince => (
            "{user}'s key {key} was last used never (created {date})",
            "{user} のアクセスキー {key} は一度も使用されていません (作成日 {date})",
        ),
        NoPasswordPolicyDefaults => (
            "no password policy: AWS's defaults allow 8-character passwords that never expire",
            "パスワードポリシーがありません。AWS のデフォルトでは、失効しない 8 文字のパスワードが許可されます",
        ),
        PciShort => (
            "short of PCI DSS: {what}",
            "PCI DSS の要件に届かない点: {what}",
        ),
        PciCharacterTypes => (
            "uppercase letters, lowercase letters and numbers are not all required",
            "大文字、小文字、数字のすべてが必須にはなっていません",
        ),
        FewerThan4Remembered => (
            "fewer than the last 4 passwords are remembered",
            "記憶される過去のパスワードが 4 個より少なくなっています",
        ),
        RoleUntagged => (
            "the role {role} has no tags (tags starting with aws: are not counted)",
            "ロール {role} にはタグがありません (aws: で始まるタグは数えません)",
        ),
        UserUntagged => (
            "the user {user} has no tags (tags starting with aws: are not counted)",
            "ユーザー {user} にはタグがありません (aws: で始まるタグは数えません)",
        ),
        MinimumLength => (
            "minimum length {n}",
            "最小文字数が {n} です",
        ),
        /// What makes the password policy weak (IAM.7): the English lists it alone.
        WeakPasswordPolicy => (
            "{what}",
            "パスワードポリシーの弱い点: {what}",
        ),
        NotEveryCharacterType => (
            "not every character type required",
            "すべての文字の種類が必須にはなっていません",
        ),
        InPasswordPolicy => (
            "in the password policy, {what}",
            "パスワードポリシーで、{what}",
        ),
        NoPasswordPolicySo => (
            "there is no password policy, so {what}",
            "パスワードポリシーがないため、{what}",
        ),
        UppercaseNotRequired => (
            "uppercase letters are not required",
            "大文字が必須になっていません",
        ),
        LowercaseNotRequired => (
            "lowercase letters are not required",
            "小文字が必須になっていません",
        ),
        SymbolsNotRequired => (
            "symbols are not required",
            "記号が必須になっていません",
        ),
        NumbersNotRequired => (
            "numbers are not required",
            "数字が必須になっていません",
        ),
        MinimumBelow14 => (
            "the minimum length is below 14",
            "最小文字数が 14 未満です",
        ),
        FewerThan24Remembered => (
            "fewer than the last 24 passwords are remembered",
            "記憶される過去のパスワードが 24 個より少なくなっています",
        ),
        NoExpiryWithin90 => (
            "passwords do not expire within 90 days",
            "パスワードが 90 日以内に失効しません",
        ),
        AccountBlockPartial => (
            "not every account-level Block Public Access setting is on, so one bucket setting away from a leak",
            "アカウントレベルのパブリックアクセスブロック設定に、有効になっていないものがあります。バケットの設定を 1 つ誤るだけで漏えいにつながります",
        ),
        BucketBlockPartial => (
            "{bucket} has no complete bucket-level Block Public Access",
            "{bucket} には、バケットレベルのパブリックアクセスブロックが完全には設定されていません",
        ),
        UserPolicyAttached => (
            "{user} has a policy attached: {names}",
            "{user} にポリシーが直接アタッチされています: {names}",
        ),
        UserPoliciesAttached => (
            "{user} has policies attached: {names}",
            "{user} に複数のポリシーが直接アタッチされています: {names}",
        ),
        InlineName => (
            "{name} (inline)",
            "{name} (インライン)",
        ),
        PolicyAllows => (
            "{policy} allows {actions}",
            "{policy} が {actions} を許可しています",
        ),
        EverythingBut => (
            "everything but {action} (NotAction)",
            "{action} 以外のすべて (NotAction)",
        ),
        CloudShellUser => (
            "the user {user} can upload and download files through CloudShell",
            "ユーザー {user} は CloudShell を通じてファイルをアップロードおよびダウンロードできます",
        ),
        CloudShellGroup => (
            "every member of the group {group} can upload and download files through CloudShell",
            "グループ {group} のすべてのメンバーが、CloudShell を通じてファイルをアップロードおよびダウンロードできます",
        ),
        CloudShellRole => (
            "the role {role} can upload and download files through CloudShell",
            "ロール {role} は CloudShell を通じてファイルをアップロードおよびダウンロードできます",
        ),
        NoSupportRole => (
            "no role has AWSSupportAccess, so incidents wait for someone with broader rights",
            "AWSSupportAccess を持つロールがないため、インシデントの対応はより広い権限を持つ人を待つことになります",
        ),
        Administrators => (
            "{n} identities are full administrators: {names}",
            "完全な管理者であるアイデンティティが {n} 個あります: {names}",
        ),
        EscalationPath => (
            "{from}: {steps}",
            "{from} の昇格経路: {steps}",
        ),
        AssumableBy => (
            "{role} can be assumed by {who}",
            "{role} は {who} が引き受けることができます",
        ),
        /// Starts with the principal, so that it reads after a particle (「は "*" (誰でも)」).
        Anyone => (
            "anyone (\"*\")",
            "\"*\" (誰でも)",
        ),
        EveryOidcIdentity => (
            "every identity of {providers} (no condition on its `sub` claim that names who may come in)",
            "{providers} のすべてのアイデンティティ (入れる相手を指定する `sub` クレームの条件なし)",
        ),
        AccountsWithoutExternalId => (
            "account(s) {accounts} without sts:ExternalId",
            "sts:ExternalId のないアカウント {accounts}",
        ),
        RoleLastUsed => (
            "{role} last used {date}",
            "{role} が最後に使用されたのは {date} です",
        ),
        RoleNeverUsed => (
            "{role} last used never (created {date})",
            "{role} は一度も使用されていません (作成日 {date})",
        ),
        NoBudget => (
            "no AWS Budgets budget and no EstimatedCharges alarm: a crypto-mining bill would be noticed at the end of the month",
            "AWS Budgets の予算も EstimatedCharges のアラームもありません。暗号資産のマイニングによる請求に、月末まで気付きません",
        ),
        RootUsed => (
            "root: {what}",
            "ルートユーザー: {what}",
        ),
        RootSignIn => (
            "console sign-in on {date}",
            "{date} にコンソールへのサインイン",
        ),
        RootApiCalls => (
            "{n} API call(s) in the last 30 days",
            "過去 30 日間に API 呼び出しが {n} 回",
        ),
        KeyFromThreatList => (
            "{key} called {api} from {ip}, an address on the threat list",
            "{key} で、脅威リストにあるアドレス {ip} から {api} が呼び出されました",
        ),
        KeyFromRegions => (
            "{key} was used from {n} regions: {regions}",
            "{key} が {n} 個のリージョンから使用されました: {regions}",
        ),
        /// A GuardDuty finding: its type and its title, which stays as GuardDuty writes it.
        GuardDutyFinding => (
            "{kind}: {title}",
            "GuardDuty の検出結果 {kind}: {title}",
        ),
        LintFound => (
            "{label}: {found}",
            "{label} の検出結果: {found}",
        ),
        /// One validate-policy finding: its issue code, line and details.
        LintItem => (
            "{code} (line {line}): {details}",
            "{code} ({line} 行目): {details}",
        ),
        LabelPolicy => (
            "policy {name}",
            "ポリシー {name}",
        ),
        LabelAwsManaged => (
            "AWS managed policy {name} (attached {n} time(s))",
            "AWS 管理ポリシー {name} ({n} か所にアタッチ)",
        ),
        LabelInlineUser => (
            "inline policy {name} of user {owner}",
            "ユーザー {owner} のインラインポリシー {name}",
        ),
        LabelInlineGroup => (
            "inline policy {name} of group {owner}",
            "グループ {owner} のインラインポリシー {name}",
        ),
        LabelInlineRole => (
            "inline policy {name} of role {owner}",
            "ロール {owner} のインラインポリシー {name}",
        ),
        KeyNeverUsed => (
            "{user}'s key {key} was created {date} and never used",
            "{user} のアクセスキー {key} は {date} に作成され、一度も使用されていません",
        ),

        // ----- Escalation steps -----
        StepAttachToSelf => (
            "{me} attaches AdministratorAccess to itself ({permission})",
            "{me} が自身に AdministratorAccess をアタッチします ({permission})",
        ),
        StepInlineToSelf => (
            "{me} writes itself an inline admin policy ({permission})",
            "{me} が自身に管理者用のインラインポリシーを書き込みます ({permission})",
        ),
        StepAttachToGroup => (
            "{me} attaches AdministratorAccess to its group {group} (iam:AttachGroupPolicy)",
            "{me} が所属するグループ {group} に AdministratorAccess をアタッチします (iam:AttachGroupPolicy)",
        ),
        StepInlineToGroup => (
            "{me} writes an admin policy into its group {group} (iam:PutGroupPolicy)",
            "{me} が所属するグループ {group} に管理者用のポリシーを書き込みます (iam:PutGroupPolicy)",
        ),
        StepNewDefaultVersion => (
            "{me} rewrites its own policy {policy} with a new default version (iam:CreatePolicyVersion)",
            "{me} が自身のポリシー {policy} を新しいデフォルトバージョンで書き換えます (iam:CreatePolicyVersion)",
        ),
        StepRewritePolicy => (
            "{me} rewrites its own policy {policy} (iam:CreatePolicyVersion)",
            "{me} が自身のポリシー {policy} を書き換えます (iam:CreatePolicyVersion)",
        ),
        StepOldVersionDefault => (
            "{me} makes version {version} of its own policy {policy} the default (iam:SetDefaultPolicyVersion)",
            "{me} が自身のポリシー {policy} のバージョン {version} をデフォルトにします (iam:SetDefaultPolicyVersion)",
        ),
        StepNewFunctionCode => (
            "{me} replaces the code of the Lambda function {function}, which runs as the administrator role {role}, and invokes it (lambda:UpdateFunctionCode)",
            "{me} が管理者ロール {role} で動く Lambda 関数 {function} のコードを置き換えて呼び出します (lambda:UpdateFunctionCode)",
        ),
        StepNewFunctionCodeAcross => (
            "{me} replaces the code of the Lambda function {function} of account {account}, which runs as the administrator role {role}, and invokes it (lambda:UpdateFunctionCode)",
            "{me} がアカウント {account} の管理者ロール {role} で動く Lambda 関数 {function} のコードを置き換えて呼び出します (lambda:UpdateFunctionCode)",
        ),
        StepJoinAdmins => (
            "{me} adds itself to the administrators' group {group} (iam:AddUserToGroup)",
            "{me} が自身を管理者のグループ {group} に追加します (iam:AddUserToGroup)",
        ),
        StepKeyForAdmin => (
            "{me} creates an access key for the administrator {target} (iam:CreateAccessKey)",
            "{me} が管理者 {target} のアクセスキーを作成します (iam:CreateAccessKey)",
        ),
        StepPasswordForAdmin => (
            "{me} sets the console password of the administrator {target} (iam:CreateLoginProfile / iam:UpdateLoginProfile)",
            "{me} が管理者 {target} のコンソールパスワードを設定します (iam:CreateLoginProfile / iam:UpdateLoginProfile)",
        ),
        StepAssume => (
            "{me} assumes the role {role} (sts:AssumeRole)",
            "{me} がロール {role} を引き受けます (sts:AssumeRole)",
        ),
        StepAssumeAcross => (
            "{me} assumes the role {role} of account {account} (sts:AssumeRole)",
            "{me} がアカウント {account} のロール {role} を引き受けます (sts:AssumeRole)",
        ),
        StepRetrust => (
            "{me} rewrites the trust policy of the administrator role {role} and assumes it (iam:UpdateAssumeRolePolicy)",
            "{me} が管理者ロール {role} の信頼ポリシーを書き換えて、そのロールを引き受けます (iam:UpdateAssumeRolePolicy)",
        ),
        StepPassToEc2 => (
            "{me} launches an instance with the administrator role {role} and reads its credentials from the metadata service (iam:PassRole + ec2:RunInstances)",
            "{me} が管理者ロール {role} を渡してインスタンスを起動し、メタデータサービスからロールの認証情報を読み取ります (iam:PassRole + ec2:RunInstances)",
        ),
        StepPassToLambda => (
            "{me} creates a Lambda function with the administrator role {role} (iam:PassRole + lambda:CreateFunction)",
            "{me} が管理者ロール {role} を渡して Lambda 関数を作成します (iam:PassRole + lambda:CreateFunction)",
        ),

        // ----- What the fix commands need said (comments, and what the reader fills in) -----
        AsRoot => (
            "as the root user",
            "ルートユーザーとして実行します",
        ),
        RootMfaInConsole => (
            "Sign in as root, open Security credentials and assign an MFA device (the root user's MFA cannot be set from the CLI)",
            "ルートユーザーとしてサインインし、[セキュリティ認証情報] を開いて MFA デバイスを割り当てます (ルートユーザーの MFA は CLI からは設定できません)",
        ),
        RootHardwareMfa => (
            "Assign a hardware security key or token to the root user in the console",
            "コンソールで、ルートユーザーにハードウェアセキュリティキーまたはトークンを割り当てます",
        ),
        MoveToNewKey => (
            "move the application to the new key, then:",
            "アプリケーションを新しいキーに切り替えてから、次を実行します:",
        ),
        /// CloudTrail.1's fix: the bucket policy a trail made with the CLI needs.
        TrailBucketPolicy => (
            "A trail made with the CLI writes only to a bucket whose policy lets cloudtrail.amazonaws.com read its ACL and write under AWSLogs/<account-id>/ (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html): put that policy on the bucket first",
            "CLI で作る証跡は、cloudtrail.amazonaws.com による ACL の読み取りと AWSLogs/<account-id>/ への書き込みをバケットポリシーで許可したバケットにしか書き込めません (https://docs.aws.amazon.com/ja_jp/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html)。先にそのポリシーをバケットに設定します",
        ),
        RootForRootTasks => (
            "use an administrator IAM user or role for daily work; keep root for the tasks only root can do",
            "日常の作業には管理者の IAM ユーザーまたはロールを使い、ルートユーザーはルートユーザーにしかできないタスクだけに使います",
        ),
        KeepOneAdmin => (
            "keep one administrator; for {name}, replace AdministratorAccess with a policy for the job",
            "管理者は 1 つに絞ります。{name} の AdministratorAccess は、その仕事に必要な権限だけのポリシーに置き換えます",
        ),
        RemovePermission => (
            "remove {permission} from {name}'s policies, or limit it to resources that are not administrators",
            "{name} のポリシーから {permission} を削除するか、管理者ではないリソースだけに制限します",
        ),
        AfterDetaching => (
            "after detaching its policies and instance profiles",
            "ロールのポリシーとインスタンスプロファイルをデタッチした後に実行します",
        ),
        SeeEachFinding => (
            "see each finding, fix the document, then:",
            "各検出結果を確認してドキュメントを修正してから、次を実行します:",
        ),
        AwsMaintains => (
            "AWS maintains {name}: write a customer managed policy with only what is needed (aws iam create-policy --policy-name {name}-scoped --policy-document file://{name}-scoped.json), attach it, then detach {name} from its holders",
            "{name} は AWS が管理しています。必要な権限だけのカスタマー管理ポリシーを作成して (aws iam create-policy --policy-name {name}-scoped --policy-document file://{name}-scoped.json) アタッチし、{name} をアタッチ先からデタッチします",
        ),
        HoleOwningTeam => (
            "<the team that owns it>",
            "<所有するチーム>",
        ),
        HoleGroupWithThese => (
            "<a group that has these permissions>",
            "<これらの権限を持つグループ>",
        ),
        HoleOfficeRange => (
            "<your office range, e.g. 203.0.113.0/24>",
            "<社内のアドレス範囲、例: 203.0.113.0/24>",
        ),
        HoleCode => (
            "<code>",
            "<コード>",
        ),
        HoleNextCode => (
            "<next code>",
            "<次のコード>",
        ),

        // ----- What a control needs that the input lacks -----
        NeedsCredentials => (
            "a credential report (--credential-report FILE, from `aws iam get-credential-report`)",
            "認証情報レポート (`aws iam get-credential-report` で取得し、--credential-report FILE で指定します)",
        ),
        NeedsPasswordPolicy => (
            "the password policy (--password-policy FILE, from `aws iam get-account-password-policy`)",
            "パスワードポリシー (`aws iam get-account-password-policy` で取得し、--password-policy FILE で指定します)",
        ),
        NeedsServices => (
            "a scenario file describing the account's services (--scenario FILE)",
            "アカウントのサービスを記述したシナリオファイル (--scenario FILE)",
        ),
        NeedsAccessAnalyzer => (
            "IAM Access Analyzer's analyzers, which iamdojo's accounts do not hold yet",
            "IAM Access Analyzer のアナライザー (iamdojo のアカウントにはまだありません)",
        ),
        NeedsServerCertificates => (
            "IAM's server certificates, which iamdojo's accounts do not hold yet",
            "IAM のサーバー証明書 (iamdojo のアカウントにはまだありません)",
        ),
        NeedsActionCatalog => (
            "the action catalog (it did not load; reinstall iamdojo)",
            "アクションカタログ (読み込めませんでした。iamdojo を再インストールしてください)",
        ),

        // ----- The text report of `iamdojo audit` -----
        NoFindings => (
            "No findings: nothing to fix.",
            "検出結果はありません。修正が必要なものはありません。",
        ),
        Summary => (
            "{n} findings ({counts}) in {items} items, most severe first:",
            "{items} 項目に {n} 件の検出結果があります ({counts})。重要度の高い順に示します:",
        ),
        CountCritical => ("{n} critical", "CRITICAL {n} 件"),
        CountHigh => ("{n} high", "HIGH {n} 件"),
        CountMedium => ("{n} medium", "MEDIUM {n} 件"),
        CountLow => ("{n} low", "LOW {n} 件"),
        CountInformational => ("{n} informational", "INFORMATIONAL {n} 件"),
        ManyResources => (
            " — {n} resources",
            " — リソース {n} 件",
        ),
        LabelResource => ("resource:", "リソース:"),
        LabelEvidence => ("evidence:", "根拠:"),
        LabelFix => ("fix:", "修正:"),
        /// Before the commands that walk an escalation path.
        LabelWalk => ("walk:", "手順:"),
        /// After them: how to watch the path walked.
        ReplayIt => (
            "# to watch it walked in the sandbox: iamdojo sandbox {source} --replay {id}",
            "# サンドボックスで再現するには「iamdojo sandbox {source} --replay {id}」を実行します",
        ),
        LabelMore => ("more:", "参考:"),
        AndMore => (
            "… and {n} more (see --format json)",
            "… ほか {n} 件 (--format json で確認できます)",
        ),
        SameForEach => (
            "(the same for each resource)",
            "(各リソースで同じように修正します)",
        ),
        NotChecked => (
            "Not checked, for want of {need}: {ids}",
            "{need} がないため、チェックしていないコントロール: {ids}",
        ),
        NoAccount => (
            "give an account to look at: --scenario FILE or --gaad FILE",
            "調べるアカウントを指定してください: --scenario FILE または --gaad FILE",
        ),
        // ----- Progress on a terminal (standard error, overwritten in place) -----
        ProgressReading => (
            "reading {file}…",
            "{file} を読み込んでいます…",
        ),
        ProgressPreparing => (
            "validating every policy document and searching for escalation paths…",
            "すべてのポリシードキュメントを検証し、権限昇格のパスを探しています…",
        ),
        ProgressControl => (
            "checking {control} ({n}/{total})…",
            "{control} をチェックしています ({n}/{total})…",
        ),
        NotATime => (
            "--now `{time}` is not a time; write ISO 8601 such as 2026-03-02T09:00:00Z",
            "--now `{time}` は時刻ではありません。2026-03-02T09:00:00Z のように ISO 8601 で指定してください",
        ),

        // ----- `iamdojo access` -----
        WhoMay => (
            "{n} principal(s) may {action} on {resource}:",
            "{resource} に対して {action} を実行できるプリンシパルは {n} 件です:",
        ),
        BecauseOf => (
            "because of {why}",
            "根拠: {why}",
        ),
        MatchedStatement => (
            "{kind} {policy} statement {index}{sid} (line {line})",
            "{kind} {policy} のステートメント {index}{sid} ({line} 行目)",
        ),
        RootNeedsNoPolicy => (
            "the root user needs no policy",
            "ルートユーザーにはポリシーが必要ありません",
        ),
        /// After `access --principal`'s list: the escalation paths that start at it.
        MayEscalate => (
            "{who} can become an administrator in {n} way(s) (iamdojo sandbox --replay ID walks one):",
            "{who} は {n} 通りの方法で管理者になれます (「iamdojo sandbox --replay ID」で再現できます):",
        ),
        MayPerform => (
            "{who} may perform {total} action(s) in {n} service(s):",
            "{who} は {n} 個のサービスで {total} 個のアクションを実行できます:",
        ),
        MayPerformIf => (
            "{who} may perform {total} more action(s) in {n} service(s) only under a condition:",
            "{who} は、条件を満たす場合に限り、さらに {n} 個のサービスで {total} 個のアクションを実行できます:",
        ),
        ConditionKeys => (
            "(condition keys: {keys})",
            "(条件キー: {keys})",
        ),
        OfAll => (
            "(of {all})",
            "(全 {all} 個中)",
        ),
        NotAnAction => (
            "`{action}` is not an action: write service:Action, e.g. s3:GetObject",
            "`{action}` はアクションではありません。s3:GetObject のように service:Action の形で指定してください",
        ),
        GiveActionOrPrincipal => (
            "give --action ACTION or --principal PRINCIPAL",
            "--action ACTION または --principal PRINCIPAL を指定してください",
        ),
        CatalogDoesNotLoad => (
            "the action catalog does not load: {error}",
            "アクションカタログを読み込めません: {error}",
        ),
    }
}
