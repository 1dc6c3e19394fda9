//! The goal sentences of the lesson engine (`lesson::check::say`): what a task's check reads as
//! in the state the sandbox is in, e.g. "The user aoi exists." or "The user aoi does not exist
//! yet."
//!
//! Each fact has four forms, in this order: the goal wants it and it holds (`…Yes`), wants it
//! and it does not hold yet (`…NotYet`), wants it not to hold and it does not (`…Not`, a plain
//! statement of the present: the sandbox cannot tell whether the thing ever held, so it never
//! says "no longer"), and wants it not to hold but it still does (`…Still`).
//!
//! The Japanese templates leave the space between a Japanese word and a name to
//! `say::spaced`, which adds it wherever Japanese meets ASCII ("ユーザー {name}が" becomes
//! 「ユーザー aoi が」); names come from data, so a template cannot know what is next to it.

crate::catalog! {
    /// Goal sentences, their pieces and the audit controls' meanings as clauses.
    pub enum Goal {
        /// A check with nothing to say (an empty `all`).
        Empty => ("An empty check.", "空のチェックです。"),
        /// Two sentences in a row.
        Then => ("{first} {next}", "{first}{next}"),
        /// An `any` none of whose checks holds yet: the choices, separated by ` / `.
        OneOf => ("One of these is needed: {choices}", "次のいずれかが必要です: {choices}"),

        /// Entity kinds, as a sentence names them.
        KindUser => ("user", "ユーザー"),
        /// `group`.
        KindGroup => ("group", "グループ"),
        /// `role`.
        KindRole => ("role", "ロール"),
        /// `policy`: always a managed policy.
        KindPolicy => ("managed policy", "管理ポリシー"),
        /// `bucket`.
        KindBucket => ("bucket", "バケット"),
        /// `instance_profile`.
        KindInstanceProfile => ("instance profile", "インスタンスプロファイル"),
        /// `trail`.
        KindTrail => ("trail", "証跡"),
        /// `security_group`.
        KindSecurityGroup => ("security group", "セキュリティグループ"),

        /// `exists` / `absent`.
        ExistsYes => ("The {kind} {name} exists.", "{kind} {name}が存在します。"),
        /// Not yet.
        ExistsNotYet => ("The {kind} {name} does not exist yet.", "{kind} {name}はまだ存在しません。"),
        /// Wanted gone, and not there.
        ExistsNot => ("The {kind} {name} does not exist.", "{kind} {name}は存在しません。"),
        /// Wanted gone, still there.
        ExistsStill => ("The {kind} {name} still exists.", "{kind} {name}はまだ存在します。"),

        /// `member_of`.
        MemberYes => (
            "{user} is a member of the group {group}.",
            "{user}はグループ {group}のメンバーです。",
        ),
        /// Not yet.
        MemberNotYet => (
            "{user} is not a member of the group {group} yet.",
            "{user}はまだグループ {group}のメンバーではありません。",
        ),
        /// Wanted out, and out.
        MemberNot => (
            "{user} is not a member of the group {group}.",
            "{user}はグループ {group}のメンバーではありません。",
        ),
        /// Wanted out, still in.
        MemberStill => (
            "{user} is still a member of the group {group}.",
            "{user}はまだグループ {group}のメンバーです。",
        ),

        /// What a managed policy is attached to: `{kind}` is one of the `Kind…` entries.
        AttachTarget => ("the {kind} {name}", "{kind} {name}"),
        /// `policy_attached`.
        AttachedYes => (
            "The managed policy {policy} is attached to {target}.",
            "管理ポリシー {policy}が{target}にアタッチされています。",
        ),
        /// Not yet.
        AttachedNotYet => (
            "The managed policy {policy} is not attached to {target} yet.",
            "管理ポリシー {policy}はまだ{target}にアタッチされていません。",
        ),
        /// Wanted detached, and detached.
        AttachedNot => (
            "The managed policy {policy} is not attached to {target}.",
            "管理ポリシー {policy}は{target}にアタッチされていません。",
        ),
        /// Wanted detached, still attached.
        AttachedStill => (
            "The managed policy {policy} is still attached to {target}.",
            "管理ポリシー {policy}はまだ{target}にアタッチされています。",
        ),
        /// `inline_policy`: `{target}` is an `AttachTarget`.
        InlineYes => (
            "The inline policy {policy} is embedded in {target}.",
            "インラインポリシー {policy}が{target}に埋め込まれています。",
        ),
        /// Not yet.
        InlineNotYet => (
            "The inline policy {policy} is not embedded in {target} yet.",
            "インラインポリシー {policy}はまだ{target}に埋め込まれていません。",
        ),
        /// Wanted absent, and absent.
        InlineNot => (
            "The inline policy {policy} is not embedded in {target}.",
            "インラインポリシー {policy}は{target}に埋め込まれていません。",
        ),
        /// Wanted absent, still embedded.
        InlineStill => (
            "The inline policy {policy} is still embedded in {target}.",
            "インラインポリシー {policy}はまだ{target}に埋め込まれています。",
        ),

        /// The root user, inside a sentence.
        RootUser => ("the root user", "ルートユーザー"),
        /// The root user, beginning a sentence.
        RootUserStart => ("The root user", "ルートユーザー"),
        /// A role, inside a sentence.
        Role => ("the role {name}", "ロール {name}"),
        /// A role, beginning a sentence.
        RoleStart => ("The role {name}", "ロール {name}"),
        /// A role session got with a web identity token, beginning a sentence.
        WebIdentityStart => (
            "The session of the role {name} from the web identity token {token}",
            "ウェブ ID トークン {token} で引き受けたロール {name} のセッション",
        ),

        /// `mfa_enabled`.
        MfaYes => ("MFA is enabled for {who}.", "{who}の多要素認証 (MFA) が有効です。"),
        /// Not yet.
        MfaNotYet => (
            "MFA is not enabled for {who} yet.",
            "{who}の多要素認証 (MFA) はまだ有効ではありません。",
        ),
        /// Wanted off, and off.
        MfaNot => (
            "MFA is not enabled for {who}.",
            "{who}の多要素認証 (MFA) は有効ではありません。",
        ),
        /// Wanted off, still on.
        MfaStill => (
            "MFA is still enabled for {who}.",
            "{who}の多要素認証 (MFA) はまだ有効です。",
        ),

        /// `access_key_status` of one key, `status: none`: the key is deleted.
        KeyDeletedYes => (
            "The access key {key} of {owner} has been deleted.",
            "{owner}のアクセスキー {key}は削除されています。",
        ),
        /// Not yet.
        KeyDeletedNotYet => (
            "The access key {key} of {owner} still exists.",
            "{owner}のアクセスキー {key}はまだ存在します。",
        ),
        /// Under `not`, and the key exists.
        KeyDeletedNot => (
            "The access key {key} of {owner} exists.",
            "{owner}のアクセスキー {key}が存在します。",
        ),
        /// Under `not`, and there is no such key.
        KeyDeletedStill => (
            "The access key {key} of {owner} does not exist.",
            "{owner}のアクセスキー {key}は存在しません。",
        ),
        /// `access_key_status` of every key, `status: none`: no access keys.
        NoKeysYes => ("{owner} has no access keys.", "{owner}にはアクセスキーがありません。"),
        /// Not yet.
        NoKeysNotYet => ("{owner} still has an access key.", "{owner}にはまだアクセスキーがあります。"),
        /// Under `not`, and there is a key.
        NoKeysNot => ("{owner} has an access key.", "{owner}にはアクセスキーがあります。"),
        /// Under `not`, and there is none.
        NoKeysStill => ("{owner} has no access key yet.", "{owner}にはまだアクセスキーがありません。"),
        /// One key, `status: Inactive`.
        KeyInactiveYes => (
            "The access key {key} of {owner} is inactive.",
            "{owner}のアクセスキー {key}は無効 (Inactive) です。",
        ),
        /// Not yet.
        KeyInactiveNotYet => (
            "The access key {key} of {owner} is still active.",
            "{owner}のアクセスキー {key}はまだ有効 (Active) です。",
        ),
        /// Under `not`, and active.
        KeyInactiveNot => (
            "The access key {key} of {owner} is active.",
            "{owner}のアクセスキー {key}は有効 (Active) です。",
        ),
        /// Under `not`, and still inactive.
        KeyInactiveStill => (
            "The access key {key} of {owner} is still inactive.",
            "{owner}のアクセスキー {key}はまだ無効 (Inactive) です。",
        ),
        /// Every key, `status: Inactive`.
        KeysInactiveYes => (
            "The access keys of {owner} are inactive.",
            "{owner}のアクセスキーは無効 (Inactive) です。",
        ),
        /// Not yet.
        KeysInactiveNotYet => (
            "The access keys of {owner} are still active.",
            "{owner}のアクセスキーはまだ有効 (Active) です。",
        ),
        /// Under `not`, and active.
        KeysInactiveNot => (
            "The access keys of {owner} are active.",
            "{owner}のアクセスキーは有効 (Active) です。",
        ),
        /// Under `not`, and still inactive.
        KeysInactiveStill => (
            "The access keys of {owner} are still inactive.",
            "{owner}のアクセスキーはまだ無効 (Inactive) です。",
        ),
        /// One key, `status: Active`.
        KeyActiveYes => (
            "The access key {key} of {owner} is active.",
            "{owner}のアクセスキー {key}は有効 (Active) です。",
        ),
        /// Not yet.
        KeyActiveNotYet => (
            "The access key {key} of {owner} is not active yet.",
            "{owner}のアクセスキー {key}はまだ有効 (Active) ではありません。",
        ),
        /// Under `not`, and not active.
        KeyActiveNot => (
            "The access key {key} of {owner} is not active.",
            "{owner}のアクセスキー {key}は有効 (Active) ではありません。",
        ),
        /// Under `not`, and still active.
        KeyActiveStill => (
            "The access key {key} of {owner} is still active.",
            "{owner}のアクセスキー {key}はまだ有効 (Active) です。",
        ),
        /// Every key, `status: Active`.
        KeysActiveYes => (
            "The access keys of {owner} are active.",
            "{owner}のアクセスキーは有効 (Active) です。",
        ),
        /// Not yet.
        KeysActiveNotYet => (
            "The access keys of {owner} are not active yet.",
            "{owner}のアクセスキーはまだ有効 (Active) ではありません。",
        ),
        /// Under `not`, and not active.
        KeysActiveNot => (
            "The access keys of {owner} are not active.",
            "{owner}のアクセスキーは有効 (Active) ではありません。",
        ),
        /// Under `not`, and still active.
        KeysActiveStill => (
            "The access keys of {owner} are still active.",
            "{owner}のアクセスキーはまだ有効 (Active) です。",
        ),

        /// `password_policy` while the account has none.
        NoPasswordPolicyYet => (
            "No password policy is set yet.",
            "パスワードポリシーはまだ設定されていません。",
        ),
        /// The same, under `not`.
        NoPasswordPolicy => (
            "No password policy is set.",
            "パスワードポリシーは設定されていません。",
        ),
        /// `password_policy`: `{list}` names the fields.
        PasswordYes => (
            "The password policy has: {list}.",
            "パスワードポリシーは次のとおりです: {list}。",
        ),
        /// Not yet: the fields that do not hold.
        PasswordNotYet => (
            "The password policy does not have yet: {list}.",
            "パスワードポリシーはまだ次のとおりではありません: {list}。",
        ),
        /// Under `not`, and the fields do not hold.
        PasswordNot => (
            "The password policy does not have: {list}.",
            "パスワードポリシーは次のとおりではありません: {list}。",
        ),
        /// Under `not`, and they all still hold.
        PasswordStill => (
            "The password policy still has: {list}.",
            "パスワードポリシーはまだ次のとおりです: {list}。",
        ),
        /// One more item of a list.
        ListMore => ("{list}, {item}", "{list}、{item}"),
        /// A `require_…` field that is `true`.
        FieldRequired => ("{field} required", "{field}が必須"),
        /// A `require_…` field that is `false`.
        FieldNotRequired => ("{field} not required", "{field}は必須ではない"),
        /// `require_symbols`.
        FieldSymbols => ("symbols", "記号"),
        /// `require_numbers`.
        FieldNumbers => ("numbers", "数字"),
        /// `require_uppercase`.
        FieldUppercase => ("uppercase letters", "大文字"),
        /// `require_lowercase`.
        FieldLowercase => ("lowercase letters", "小文字"),
        /// `min_length`.
        FieldMinLength => ("minimum length {n} or more", "最小文字数 {n} 以上"),
        /// `max_age`.
        FieldMaxAge => ("passwords expire within {n} days", "有効期限 {n} 日以内"),
        /// `reuse_prevention`.
        FieldReusePrevention => (
            "the last {n} passwords cannot be reused",
            "過去 {n} 個のパスワードの再利用を禁止",
        ),
        /// `allow_users_to_change: true`.
        FieldUsersMayChange => (
            "users may change their own password",
            "ユーザー自身によるパスワード変更を許可",
        ),
        /// `allow_users_to_change: false`.
        FieldUsersMayNotChange => (
            "users may not change their own password",
            "ユーザー自身によるパスワード変更を禁止",
        ),

        /// The resource a `finding` check is about, when it names one.
        FindingFor => (" for {resource}", "{resource}について"),
        /// `finding`: `{what}` is the control id with its meaning in parentheses.
        FindingYes => ("The audit reports {what}{on}.", "監査で{on}{what}が報告されています。"),
        /// Not yet.
        FindingNotYet => (
            "The audit does not report {what}{on} yet.",
            "監査ではまだ{on}{what}が報告されていません。",
        ),
        /// `no_finding`, and nothing is reported.
        FindingNot => (
            "The audit does not report {what}{on}.",
            "監査で{on}{what}は報告されていません。",
        ),
        /// `no_finding`, and it is still reported.
        FindingStill => (
            "The audit still reports {what}{on}.",
            "監査ではまだ{on}{what}が報告されています。",
        ),
        /// A control that the audit does not have.
        ControlUnknown => ("an unknown control", "不明なコントロール"),

        /// `bucket_public`.
        PublicYes => ("The bucket {bucket} is public.", "バケット {bucket}は公開されています。"),
        /// Not yet.
        PublicNotYet => (
            "The bucket {bucket} is not public yet.",
            "バケット {bucket}はまだ公開されていません。",
        ),
        /// Wanted private, and private.
        PublicNot => ("The bucket {bucket} is not public.", "バケット {bucket}は公開されていません。"),
        /// Wanted private, still public.
        PublicStill => (
            "The bucket {bucket} is still public.",
            "バケット {bucket}はまだ公開されています。",
        ),

        /// `port_open`.
        PortYes => (
            "A security group opens port {port} to {cidr}.",
            "セキュリティグループがポート {port}を {cidr}に開いています。",
        ),
        /// Not yet.
        PortNotYet => (
            "No security group opens port {port} to {cidr} yet.",
            "ポート {port}を {cidr}に開いているセキュリティグループはまだありません。",
        ),
        /// Wanted closed, and closed.
        PortNot => (
            "No security group opens port {port} to {cidr}.",
            "ポート {port}を {cidr}に開いているセキュリティグループはありません。",
        ),
        /// Wanted closed, still open.
        PortStill => (
            "A security group still opens port {port} to {cidr}.",
            "セキュリティグループがまだポート {port}を {cidr}に開いています。",
        ),

        /// `trail_logging`.
        TrailYes => ("A multi-Region trail is logging.", "マルチリージョンの証跡がログを記録しています。"),
        /// Not yet.
        TrailNotYet => (
            "No multi-Region trail is logging yet.",
            "ログを記録しているマルチリージョンの証跡はまだありません。",
        ),
        /// Wanted off, and off.
        TrailNot => (
            "No multi-Region trail is logging.",
            "ログを記録しているマルチリージョンの証跡はありません。",
        ),
        /// Wanted off, still logging.
        TrailStill => (
            "A multi-Region trail is still logging.",
            "マルチリージョンの証跡がまだログを記録しています。",
        ),

        /// `succeeds`: the command, run now, exits with status 0.
        SucceedsYes => ("`{command}` succeeds.", "`{command}` は成功します。"),
        /// Not yet.
        SucceedsNotYet => (
            "`{command}` does not succeed yet.",
            "`{command}` はまだ成功しません。",
        ),
        /// Wanted to fail, and fails.
        SucceedsNot => ("`{command}` fails.", "`{command}` は失敗します。"),
        /// Wanted to fail, still succeeds.
        SucceedsStill => (
            "`{command}` still succeeds.",
            "`{command}` はまだ成功します。",
        ),

        /// `budget`'s `max_limit`, as it qualifies the budget.
        BudgetLimit => (" of at most {max} USD", "上限 {max} USD 以下の"),
        /// `budget`.
        BudgetYes => (
            "A budget or billing alarm{limit} is set.",
            "{limit}予算または請求アラームが設定されています。",
        ),
        /// Not yet.
        BudgetNotYet => (
            "No budget or billing alarm{limit} is set yet.",
            "{limit}予算または請求アラームはまだ設定されていません。",
        ),
        /// Wanted none, and none.
        BudgetNot => (
            "No budget or billing alarm{limit} is set.",
            "{limit}予算または請求アラームは設定されていません。",
        ),
        /// Wanted none, still set.
        BudgetStill => (
            "A budget or billing alarm{limit} is still set.",
            "{limit}予算または請求アラームがまだ設定されています。",
        ),

        /// `instances`' `state: running`, before the noun (the English keeps its space, the
        /// Japanese needs none).
        StateRunning => ("running ", "実行中の"),
        /// `state: stopped`.
        StateStopped => ("stopped ", "停止済みの"),
        /// `state: terminated`.
        StateTerminated => ("terminated ", "終了済みの"),
        /// `count`.
        QtyExactly => ("exactly {n}", "ちょうど {n} 台"),
        /// `min` and `max`.
        QtyBetween => ("between {min} and {max}", "最低 {min} 台・最大 {max} 台"),
        /// `min`.
        QtyAtLeast => ("at least {min}", "最低 {min} 台"),
        /// `max`.
        QtyAtMost => ("at most {max}", "最大 {max} 台"),
        /// Neither.
        QtyAny => ("any number", "任意の台数"),
        /// `instances`, several (or none): `{adj}` is the state and the type, each followed
        /// by a space in English.
        InstancesYes => (
            "There are {n} {adj}instances, as the goal asks ({q}).",
            "{adj}インスタンスは {n} 台で、目標 ({q}) のとおりです。",
        ),
        /// `instances`, exactly one.
        InstancesYesOne => (
            "There is {n} {adj}instance, as the goal asks ({q}).",
            "{adj}インスタンスは {n} 台で、目標 ({q}) のとおりです。",
        ),
        /// Not yet.
        InstancesNotYet => (
            "There are {n} {adj}instances; the goal is {q}.",
            "{adj}インスタンスは {n} 台です。目標は{q}です。",
        ),
        /// Not yet, one.
        InstancesNotYetOne => (
            "There is {n} {adj}instance; the goal is {q}.",
            "{adj}インスタンスは {n} 台です。目標は{q}です。",
        ),
        /// Under `not`, and the count is not what the check says.
        InstancesNot => (
            "There are {n} {adj}instances, not {q}.",
            "{adj}インスタンスは {n} 台で、{q}ではありません。",
        ),
        /// The same, one.
        InstancesNotOne => (
            "There is {n} {adj}instance, not {q}.",
            "{adj}インスタンスは {n} 台で、{q}ではありません。",
        ),
        /// Under `not`, and the count still is what the check says.
        InstancesStill => (
            "There are still {n} {adj}instances ({q}).",
            "{adj}インスタンスはまだ {n} 台で、{q}のままです。",
        ),
        /// The same, one.
        InstancesStillOne => (
            "There is still {n} {adj}instance ({q}).",
            "{adj}インスタンスはまだ {n} 台で、{q}のままです。",
        ),

        /// `can` / `cannot`: the resource, when the check names one.
        CanOn => (" on {target}", "{target}に対する"),
        /// An action the sentences know, in words with its name.
        CanAction => ("{verb} ({action}){on}", "{on}{verb} ({action})"),
        /// Any other action.
        CanCall => ("call {action}{on}", "{on}{action}の呼び出し"),
        /// `can`.
        CanYes => ("{who} can {what}.", "{who}は{what}ができます。"),
        /// Not yet.
        CanNotYet => ("{who} still cannot {what}.", "{who}はまだ{what}ができません。"),
        /// `cannot`, and denied.
        CanNot => ("{who} cannot {what}.", "{who}は{what}ができません。"),
        /// `cannot`, still allowed.
        CanStill => ("{who} can still {what}.", "{who}はまだ{what}ができます。"),

        /// `login_profile` with `password_reset_required: true`.
        LoginMustChange => (" that must be changed at the next sign-in", "次回サインイン時に変更が必要な"),
        /// `password_reset_required: false`.
        LoginNeedNotChange => (" that need not be changed", "変更が不要な"),
        /// `login_profile`.
        LoginYes => (
            "{user} has a console password{which}.",
            "{user}には{which}コンソールパスワードがあります。",
        ),
        /// Not yet.
        LoginNotYet => (
            "{user} has no console password{which} yet.",
            "{user}にはまだ{which}コンソールパスワードがありません。",
        ),
        /// Wanted none, and none.
        LoginNot => (
            "{user} has no console password{which}.",
            "{user}には{which}コンソールパスワードがありません。",
        ),
        /// Wanted none, still one.
        LoginStill => (
            "{user} still has a console password{which}.",
            "{user}にはまだ{which}コンソールパスワードがあります。",
        ),

        /// `cli_profile`.
        CliYes => (
            "The CLI profile {name} holds an active access key of {user}, with its secret.",
            "CLI プロファイル {name}に {user}の有効なアクセスキーとそのシークレットが設定されています。",
        ),
        /// Not yet.
        CliNotYet => (
            "The CLI profile {name} does not hold an active access key of {user} with its secret yet.",
            "CLI プロファイル {name}にはまだ {user}の有効なアクセスキーとそのシークレットが設定されていません。",
        ),
        /// Wanted none, and none.
        CliNot => (
            "The CLI profile {name} does not hold an active access key of {user} with its secret.",
            "CLI プロファイル {name}には {user}の有効なアクセスキーとそのシークレットが設定されていません。",
        ),
        /// Wanted none, still one.
        CliStill => (
            "The CLI profile {name} still holds an active access key of {user}, with its secret.",
            "CLI プロファイル {name}にはまだ {user}の有効なアクセスキーとそのシークレットが設定されています。",
        ),

        /// `called`.
        CalledYes => ("{who} has called {op} successfully.", "{who}は {op}の呼び出しに成功しています。"),
        /// Not yet.
        CalledNotYet => (
            "{who} has not called {op} successfully yet.",
            "{who}はまだ {op}の呼び出しに成功していません。",
        ),
        /// Under `not`, and no call.
        CalledNot => ("{who} has not called {op}.", "{who}は {op}を呼び出していません。"),
        /// Under `not`, and a call was made.
        CalledStill => ("{who} has called {op}.", "{who}は {op}を呼び出しています。"),

        /// `trust_only`: `{who}` lists the principals, joined by `, `.
        TrustOnlyYes => (
            "The trust policy of the role {role} allows no one but {who} to assume it.",
            "ロール {role}の信頼ポリシーが引き受けを許可しているのは {who}だけです。",
        ),
        /// Ends the sentence (its final stop replaced) of a check that waits for its principal or
        /// role to exist.
        WaitsFor => (
            " (checked once {name} exists).",
            " ({name} ができてから確認します)。",
        ),
        /// Not yet.
        TrustOnlyNotYet => (
            "The trust policy of the role {role} does not yet allow only {who}: it names someone else, `*` or `NotPrincipal`, or the role does not exist.",
            "ロール {role}の信頼ポリシーは、まだ {who}だけを許可する形になっていません。ほかのプリンシパル、`*`、`NotPrincipal` のいずれかがあるか、ロールが存在しません。",
        ),
        /// Under `not`, and the policy allows someone else too.
        TrustOnlyNot => (
            "The trust policy of the role {role} allows more than {who}.",
            "ロール {role}の信頼ポリシーは {who}以外も許可しています。",
        ),
        /// Under `not`, and the policy still allows only them.
        TrustOnlyStill => (
            "The trust policy of the role {role} still allows no one but {who}.",
            "ロール {role}の信頼ポリシーは、まだ {who}だけを許可しています。",
        ),

        /// `profile_holds`' `instance`, as it qualifies the profile (`{on}`).
        ProfileOnInstance => (
            ", and the profile is associated with the instance {instance}",
            "いて、プロファイルがインスタンス {instance}に関連付けられて",
        ),
        /// `profile_holds`.
        ProfileHoldsYes => (
            "The instance profile {profile} holds the role {role}{on}.",
            "インスタンスプロファイル {profile}にロール {role}が入って{on}います。",
        ),
        /// Not yet.
        ProfileHoldsNotYet => (
            "The instance profile {profile} does not hold the role {role}{on} yet.",
            "インスタンスプロファイル {profile}にロール {role}が入って{on}いる状態に、まだなっていません。",
        ),
        /// Wanted not, and not.
        ProfileHoldsNot => (
            "The instance profile {profile} does not hold the role {role}{on}.",
            "インスタンスプロファイル {profile}にロール {role}が入って{on}いる状態ではありません。",
        ),
        /// Wanted not, still so.
        ProfileHoldsStill => (
            "The instance profile {profile} still holds the role {role}{on}.",
            "インスタンスプロファイル {profile}には、まだロール {role}が入って{on}います。",
        ),

        /// `budget` with `notifies: true`: someone is told (`{limit}` as in `BudgetLimit`,
        /// here the amount at which they are told).
        BudgetNotifiesYes => (
            "A budget or billing alarm notifies someone{limit}.",
            "{limit}誰かに通知する予算または請求アラームが設定されています。",
        ),
        /// Not yet.
        BudgetNotifiesNotYet => (
            "No budget or billing alarm notifies anyone{limit} yet: a budget needs a notification with a subscriber, an alarm an action.",
            "{limit}誰かに通知する予算または請求アラームはまだありません。予算には通知先 (サブスクライバー) のある通知が、アラームにはアクションが必要です。",
        ),
        /// Wanted none, and none.
        BudgetNotifiesNot => (
            "No budget or billing alarm notifies anyone{limit}.",
            "{limit}誰かに通知する予算または請求アラームはありません。",
        ),
        /// Wanted none, still one.
        BudgetNotifiesStill => (
            "A budget or billing alarm still notifies someone{limit}.",
            "{limit}誰かに通知する予算または請求アラームがまだあります。",
        ),
        /// `budget`'s `max_limit` with `notifies: true`: the amount at which someone is told.
        BudgetNotifyAt => (" at {max} USD or less", "{max} USD 以下で"),

        /// What actions do: an English verb phrase, a Japanese noun phrase.
        ActViewBudgets => ("view budgets", "予算の表示"),
        /// `ce:GetCostAndUsage`.
        ActViewCosts => ("view costs and usage", "コストと使用量の表示"),
        /// `ec2:DescribeInstances`.
        ActListInstances => ("list instances", "インスタンスの一覧表示"),
        /// `ec2:RunInstances`.
        ActRunInstances => ("start instances", "インスタンスの起動"),
        /// `ec2:TerminateInstances`.
        ActTerminateInstances => ("terminate instances", "インスタンスの終了"),
        /// `ec2:StartInstances`.
        ActStartInstances => ("start stopped instances", "停止中のインスタンスの開始"),
        /// `ec2:StopInstances`.
        ActStopInstances => ("stop instances", "インスタンスの停止"),
        /// `iam:ChangePassword`.
        ActChangePassword => ("change their own password", "自分のパスワードの変更"),
        /// `iam:CreateUser`.
        ActCreateUser => ("create users", "ユーザーの作成"),
        /// `iam:DeleteUser`.
        ActDeleteUser => ("delete users", "ユーザーの削除"),
        /// `iam:ListUsers`.
        ActListUsers => ("list users", "ユーザーの一覧表示"),
        /// `iam:PassRole`.
        ActPassRole => ("pass a role to a service", "サービスへのロールの受け渡し"),
        /// `iam:AttachUserPolicy`.
        ActAttachUserPolicy => ("attach policies to users", "ユーザーへのポリシーのアタッチ"),
        /// `s3:DeleteBucket`.
        ActDeleteBucket => ("delete buckets", "バケットの削除"),
        /// `s3:DeleteObject`.
        ActDeleteObject => ("delete objects", "オブジェクトの削除"),
        /// `s3:GetObject`.
        ActGetObject => ("read objects", "オブジェクトの読み取り"),
        /// `s3:ListAllMyBuckets`.
        ActListBuckets => ("list buckets", "バケットの一覧表示"),
        /// `s3:ListBucket`.
        ActListBucket => ("list the objects in a bucket", "バケット内のオブジェクトの一覧表示"),
        /// `s3:PutObject`.
        ActPutObject => ("upload objects", "オブジェクトのアップロード"),
        /// `sts:AssumeRole`.
        ActAssumeRole => ("assume the role", "ロールの引き受け"),

        /// The audit's controls, as clauses inside a `finding` sentence (the English is the
        /// control's title with its first word lowercased; a test holds them to the titles).
        /// `IAM.4`.
        ControlIam4 => (
            "the root user has an access key",
            "ルートユーザーにアクセスキーがある",
        ),
        /// `IAM.9`.
        ControlIam9 => (
            "MFA is not enabled for the root user",
            "ルートユーザーの MFA が有効ではない",
        ),
        /// `IAM.6`.
        ControlIam6 => (
            "Hardware MFA is not enabled for the root user",
            "ルートユーザーのハードウェア MFA が有効ではない",
        ),
        /// `IAM.1`.
        ControlIam1 => (
            "a customer managed policy grants full \"*\" administrative privileges",
            "カスタマー管理ポリシーが \"*\" の完全な管理者権限を付与している",
        ),
        /// `S3.2`.
        ControlS3Dot2 => (
            "an S3 bucket allows public read access",
            "S3 バケットがパブリック読み取りアクセスを許可している",
        ),
        /// `S3.3`.
        ControlS3Dot3 => (
            "an S3 bucket allows public write access",
            "S3 バケットがパブリック書き込みアクセスを許可している",
        ),
        /// `EC2.13`.
        ControlEc2Dot13 => (
            "a security group allows SSH (port 22) from anywhere",
            "セキュリティグループがどこからでも SSH (ポート 22) を許可している",
        ),
        /// `EC2.14`.
        ControlEc2Dot14 => (
            "a security group allows RDP (port 3389) from anywhere",
            "セキュリティグループがどこからでも RDP (ポート 3389) を許可している",
        ),
        /// `EC2.53`.
        ControlEc2Dot53 => (
            "a security group allows remote administration ports from 0.0.0.0/0",
            "セキュリティグループが 0.0.0.0/0 からリモート管理ポートを許可している",
        ),
        /// `EC2.54`.
        ControlEc2Dot54 => (
            "a security group allows remote administration ports from ::/0",
            "セキュリティグループが ::/0 からリモート管理ポートを許可している",
        ),
        /// `EC2.2`.
        ControlEc2Dot2 => (
            "the default security group allows traffic",
            "デフォルトのセキュリティグループがトラフィックを許可している",
        ),
        /// `EC2.8`.
        ControlEc2Dot8 => (
            "an EC2 instance does not require IMDSv2",
            "EC2 インスタンスが IMDSv2 を必須にしていない",
        ),
        /// `CloudTrail.1`.
        ControlCloudTrail1 => (
            "no multi-Region CloudTrail trail is logging",
            "ログを記録しているマルチリージョンの証跡がない",
        ),
        /// `GuardDuty.1`.
        ControlGuardDuty1 => (
            "GuardDuty is not enabled",
            "GuardDuty が有効ではない",
        ),
        /// `IAM.5`.
        ControlIam5 => (
            "a user with a console password has no MFA",
            "コンソールパスワードを持つユーザーに MFA がない",
        ),
        /// `IAM.19`.
        ControlIam19 => (
            "MFA is not enabled for a user",
            "ユーザーの MFA が有効ではない",
        ),
        /// `IAM.3`.
        ControlIam3 => (
            "an access key has not been rotated in 90 days",
            "アクセスキーが 90 日以上ローテーションされていない",
        ),
        /// `IAM.8`.
        ControlIam8 => (
            "a user's credentials have not been used in 90 days",
            "ユーザーの認証情報が 90 日間使われていない",
        ),
        /// `IAM.22`.
        ControlIam22 => (
            "a user's credentials have not been used in 45 days",
            "ユーザーの認証情報が 45 日間使われていない",
        ),
        /// `IAM.7`.
        ControlIam7 => (
            "the password policy is weak",
            "パスワードポリシーが弱い",
        ),
        /// `IAM.11`.
        ControlIam11 => (
            "the password policy does not require an uppercase letter",
            "パスワードポリシーが大文字を必須にしていない",
        ),
        /// `IAM.12`.
        ControlIam12 => (
            "the password policy does not require a lowercase letter",
            "パスワードポリシーが小文字を必須にしていない",
        ),
        /// `IAM.13`.
        ControlIam13 => (
            "the password policy does not require a symbol",
            "パスワードポリシーが記号を必須にしていない",
        ),
        /// `IAM.14`.
        ControlIam14 => (
            "the password policy does not require a number",
            "パスワードポリシーが数字を必須にしていない",
        ),
        /// `IAM.15`.
        ControlIam15 => (
            "the password policy allows passwords shorter than 14 characters",
            "パスワードポリシーが 14 文字未満のパスワードを許可している",
        ),
        /// `IAM.16`.
        ControlIam16 => (
            "the password policy allows reusing recent passwords",
            "パスワードポリシーが最近のパスワードの再利用を許可している",
        ),
        /// `IAM.17`.
        ControlIam17 => (
            "the password policy does not expire passwords within 90 days",
            "パスワードポリシーが 90 日以内にパスワードを失効させない",
        ),
        /// `S3.1`.
        ControlS3Dot1 => (
            "account-level S3 Block Public Access is not fully on",
            "アカウントの S3 ブロックパブリックアクセスが完全には有効ではない",
        ),
        /// `S3.8`.
        ControlS3Dot8 => (
            "an S3 bucket does not block public access",
            "S3 バケットがパブリックアクセスをブロックしていない",
        ),
        /// `IAM.2`.
        ControlIam2 => (
            "a user has policies attached directly instead of through a group",
            "ユーザーにグループ経由ではなく直接ポリシーがアタッチされている",
        ),
        /// `IAM.21`.
        ControlIam21 => (
            "a customer managed policy allows a whole service (\"service:*\")",
            "カスタマー管理ポリシーがサービス全体 (\"service:*\") を許可している",
        ),
        /// `IAM.10`.
        ControlIam10 => (
            "the password policy misses the PCI DSS minimums",
            "パスワードポリシーが PCI DSS の最低要件を満たしていない",
        ),
        /// `IAM.24`.
        ControlIam24 => (
            "an IAM role has no tags",
            "IAM ロールにタグが付けられていない",
        ),
        /// `IAM.25`.
        ControlIam25 => (
            "an IAM user has no tags",
            "IAM ユーザーにタグが付けられていない",
        ),
        /// `IAM.27`.
        ControlIam27 => (
            "an identity has AWSCloudShellFullAccess attached",
            "ID に AWSCloudShellFullAccess がアタッチされている",
        ),
        /// `IAM.18`.
        ControlIam18 => (
            "no role is set up for AWS Support incidents",
            "AWS サポートのインシデント対応用のロールがない",
        ),
        /// `IAMDOJO.1`.
        ControlIamdojo1 => (
            "more than one identity has full administrator access",
            "完全な管理者権限を持つ ID が複数ある",
        ),
        /// `IAMDOJO.2`.
        ControlIamdojo2 => (
            "an identity can escalate itself to administrator",
            "ID が自分自身を管理者に昇格できる",
        ),
        /// `IAMDOJO.3`.
        ControlIamdojo3 => (
            "a role's trust policy admits anyone, another account without an external id, or any identity of a web identity provider",
            "ロールの信頼ポリシーが誰でも、外部 ID のない別アカウント、またはウェブ ID プロバイダーの任意の ID を受け入れている",
        ),
        /// `IAMDOJO.4`.
        ControlIamdojo4 => (
            "a role has not been used in 90 days",
            "ロールが 90 日間使われていない",
        ),
        /// `IAMDOJO.5`.
        ControlIamdojo5 => (
            "no budget or billing alarm warns about unexpected charges",
            "予期しない請求を警告する予算や請求アラームがない",
        ),
        /// `IAMDOJO.6`.
        ControlIamdojo6 => (
            "the root user was used recently",
            "ルートユーザーが最近使われた",
        ),
        /// `IAMDOJO.7`.
        ControlIamdojo7 => (
            "an access key was used from a known malicious IP or an unusual place",
            "アクセスキーが既知の悪意のある IP や普段と違う場所から使われた",
        ),
        /// `IAMDOJO.8`.
        ControlIamdojo8 => (
            "GuardDuty has active findings",
            "GuardDuty にアクティブな検出結果がある",
        ),
        /// `IAMDOJO.10`.
        ControlIamdojo10 => (
            "a policy has entries that are invalid or grant nothing (typos)",
            "ポリシーに無効な、または何も許可しないエントリ (タイプミス) がある",
        ),
        /// `IAMDOJO.11`.
        ControlIamdojo11 => (
            "a policy grants risky permissions (escalation, credentials, data, permissions management on every resource)",
            "ポリシーが危険な権限を付与している",
        ),
        /// `IAMDOJO.12`.
        ControlIamdojo12 => (
            "a policy has entries that do not do what they seem to (validate-policy warnings)",
            "ポリシーに見た目どおりに働かないエントリがある",
        ),
        /// `IAMDOJO.9`.
        ControlIamdojo9 => (
            "an access key is active but has never been used",
            "アクセスキーが有効なのに一度も使われていない",
        ),
    }
}
