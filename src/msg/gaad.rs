//! The import of a real account's files (`account::gaad`): why a file could not be imported,
//! worded in the reader's language by `iamdojo audit --gaad …` and `iamdojo sandbox --gaad …`.
//! The `Json…` entries are serde_json's own syntax messages, kept word for word in English.

crate::catalog! {
    /// The import's messages.
    pub enum Gaad {
        /// `{error}` is a `Json…` entry (or serde_json's words), `{hint}` a `Hint…` entry.
        NotJson => (
            "`{file}`:{line}:{column}: this is not valid JSON: {error}; {hint}",
            "`{file}`:{line}:{column}: 正しい JSON ではありません: {error}。{hint}",
        ),
        AtTop => ("at the top level", "最上位"),
        AtPath => ("at `{path}`", "場所: `{path}`"),
        /// A field message from serde followed by what to do.
        ThenHint => ("; {hint}", "。{hint}"),
        /// `{what}` is a `What…` entry, `{error}` the policy parser's message.
        DocumentRefused => (
            "`{file}`:{line}:{column}: the {what} (`{path}`) is refused: {error}; fix the document and import again",
            "`{file}`:{line}:{column}: {what} (`{path}`) は受け付けられません: {error} ドキュメントを修正して、もう一度インポートしてください。",
        ),
        DecodedRefused => (
            "`{file}`:{line}:{column}: the URL-encoded {what} (`{path}`) is refused at {inner_line}:{inner_column} of the decoded document: {error}; fix the document and import again",
            "`{file}`:{line}:{column}: URL エンコードされた{what} (`{path}`) は、デコードしたドキュメントの {inner_line}:{inner_column} で受け付けられません: {error} ドキュメントを修正して、もう一度インポートしてください。",
        ),
        WhatInline => ("inline policy `{name}` of {owner}", "{owner} のインラインポリシー `{name}`"),
        WhatTrust => ("trust policy of role `{name}`", "ロール `{name}` の信頼ポリシー"),
        WhatVersion => (
            "version `{version}` of the managed policy `{arn}`",
            "管理ポリシー `{arn}` のバージョン `{version}`",
        ),
        OwnerUser => ("user `{name}`", "ユーザー `{name}`"),
        OwnerGroup => ("group `{name}`", "グループ `{name}`"),
        OwnerRole => ("role `{name}`", "ロール `{name}`"),
        /// `{hint}` is empty or a `DidYouMean`.
        UnknownPolicy => (
            "`{file}`: at `{path}`: the customer managed policy `{arn}` is not in `Policies`{hint}; get the authorization details again without `--filter` so that the file holds every policy it refers to, or remove the reference",
            "`{file}`: 場所: `{path}`: カスタマー管理ポリシー `{arn}` が `Policies` にありません。{hint}ファイルが参照先のポリシーをすべて含むように `--filter` を付けずに認証の詳細をもう一度取得するか、この参照を削除してください。",
        ),
        DidYouMean => (" (did you mean `{name}`?)", "`{name}` の間違いではありませんか？"),
        /// `{column}` is empty or a `CsvColumn`.
        Csv => ("`{file}`: line {line}{column}: {message}", "`{file}`: {line} 行目{column}: {message}"),
        CsvColumn => (", column {n} (`{name}`)", "、{n} 列目 (`{name}`)"),
        HintAuthorizationDetails => (
            "save the output of `aws iam get-account-authorization-details --output json` as it is",
            "`aws iam get-account-authorization-details --output json` の出力をそのまま保存してください。",
        ),
        HintCredentialReport => (
            "save the report as `aws iam get-credential-report --query Content --output text | base64 -d` gives it",
            "`aws iam get-credential-report --query Content --output text | base64 -d` で得られるとおりにレポートを保存してください。",
        ),
        HintPasswordPolicy => (
            "save the output of `aws iam get-account-password-policy --output json` as it is",
            "`aws iam get-account-password-policy --output json` の出力をそのまま保存してください。",
        ),

        // ---- the import's own checks of the authorization details ----
        /// `{kind}` is a kind of entity (`Scenario::Kind…`), `{hint}` a `Hint…` entry.
        NotAnArn => (
            "`{arn}` is not the ARN of an IAM {kind}, such as `arn:aws:iam::123456789012:{arn_word}/Name`, with a valid path and name; {hint}",
            "`{arn}` は、有効なパスと名前を持つ IAM {kind}の ARN (`arn:aws:iam::123456789012:{arn_word}/Name` など) ではありません。{hint}",
        ),
        TwoAccounts => (
            "`{arn}` is of account `{account}` but `{at}` is of account `{id}`; a file holds one account: get the authorization details of each account separately",
            "`{arn}` はアカウント `{account}` のものですが、`{at}` はアカウント `{id}` のものです。1 つのファイルには 1 つのアカウントだけを含めます。アカウントごとに認証の詳細を取得してください。",
        ),
        EncodedNotUtf8 => (
            "the URL-encoded document does not decode to UTF-8 text; write the document as a JSON object instead",
            "URL エンコードされたドキュメントをデコードしても UTF-8 のテキストになりません。ドキュメントを JSON オブジェクトとして書いてください。",
        ),
        NotADocument => (
            "a policy document is a JSON object or a URL-encoded JSON string, not `{shown}`; {hint}",
            "ポリシードキュメントは JSON オブジェクトか URL エンコードされた JSON 文字列で、`{shown}` は使えません。{hint}",
        ),
        ArnNameMismatch => (
            "the ARN `{arn}` ends in `{end}` but the {kind}'s name is `{name}`; an ARN ends with the name of what it names, so make them agree",
            "ARN `{arn}` の末尾は `{end}` ですが、{kind}の名前は `{name}` です。ARN の末尾は対象の名前なので、両方を一致させてください。",
        ),
        PathMismatch => (
            "the path `{path}` is not the one in the ARN `{arn}` (`{arn_path}`); make them agree",
            "パス `{path}` が ARN `{arn}` の中のパス (`{arn_path}`) と一致しません。両方を一致させてください。",
        ),
        /// `{error}` is the policy parser's words about iamdojo's own stand-in.
        NoStandIn => (
            "cannot make a stand-in for `{arn}`: {error}",
            "`{arn}` の代わりのポリシーを作成できません: {error}",
        ),
        /// `{owner}` is an `Owner…` entry.
        DuplicateInline => (
            "a second inline policy named `{name}` in the same {owner}; inline policy names are unique per entity",
            "同じ{owner}に `{name}` という名前のインラインポリシーが 2 つあります。インラインポリシーの名前はエンティティごとに一意です。",
        ),
        DuplicatePolicy => (
            "the policy `{arn}` is listed twice; keep one entry",
            "ポリシー `{arn}` が 2 回記載されています。1 つだけ残してください。",
        ),
        NoVersions => (
            "a managed policy has at least one version, and this list is empty; list its versions with their documents",
            "管理ポリシーには少なくとも 1 つのバージョンがありますが、このリストは空です。バージョンをそのドキュメントとともに記載してください。",
        ),
        BadVersionId => (
            "`{id}` is not a version id such as `v1` or `v2`",
            "`{id}` は `v1` や `v2` のようなバージョン ID ではありません。",
        ),
        DuplicateVersion => (
            "the version `{id}` is listed twice; keep one",
            "バージョン `{id}` が 2 回記載されています。1 つだけ残してください。",
        ),
        /// `{ids}` lists the versions the file has, joined by `Comma`.
        NoSuchDefault => (
            "there is no version `{id}` in `PolicyVersionList` (it has {ids}); name one of them",
            "`PolicyVersionList` にバージョン `{id}` はありません (あるのは {ids} です)。このうちの 1 つを指定してください。",
        ),
        WhichDefault => (
            "say which version is in force: give `DefaultVersionId`, or mark exactly one of {ids} with `\"IsDefaultVersion\": true`",
            "どのバージョンが有効かを示してください。`DefaultVersionId` を指定するか、{ids} のうち 1 つだけに `\"IsDefaultVersion\": true` を付けてください。",
        ),
        Comma => (", ", "、"),
        /// `{kind}` is a kind of entity (`Scenario::Kind…`).
        DuplicateEntity => (
            "a second {kind} named `{name}`; keep one entry",
            "`{name}` という名前の{kind}が 2 つあります。1 つだけ残してください。",
        ),
        SessionDuration => (
            "`{max}` is outside AWS's range of 3600 to 43200 seconds; use a value in that range",
            "`{max}` は AWS の範囲 (3600 秒から 43200 秒まで) の外です。この範囲の値を使ってください。",
        ),
        /// After a quota's message: the roles of an instance profile.
        RolesOfProfile => (": roles {roles}", " (ロール: {roles})"),

        // ---- the credential report and the password policy ----
        MissingColumn => (
            "the header has no column `{name}`; {hint}",
            "ヘッダーに `{name}` 列がありません。{hint}",
        ),
        NotBool => (
            "`{value}` is not `true` or `false`; {hint}",
            "`{value}` は `true` でも `false` でもありません。{hint}",
        ),
        NotTime => (
            "`{value}` is not an ISO 8601 time with a zone, such as `2026-01-05T09:00:00Z` or `2026-01-05T09:00:00+00:00`, nor `N/A`; {hint}",
            "`{value}` はタイムゾーン付きの ISO 8601 形式の時刻 (`2026-01-05T09:00:00Z`、`2026-01-05T09:00:00+00:00` など) でも `N/A` でもありません。{hint}",
        ),
        KeyNeedsRotated => (
            "an active access key needs the time it was made (`last_rotated`); give it, or set the key's `active` to `false` with `N/A` here for no key",
            "有効なアクセスキーには作成日時 (`last_rotated`) が必要です。日時を入れるか、キーがない場合はこのキーの `active` を `false` にして、ここを `N/A` にしてください。",
        ),
        /// Followed by `ThenHint`.
        ContentNotBase64 => (
            "the report's `Content` is not base64",
            "レポートの `Content` が base64 ではありません",
        ),
        /// Followed by `ThenHint`.
        ContentNotUtf8 => (
            "the report's `Content` does not decode to UTF-8 text",
            "レポートの `Content` をデコードしても UTF-8 のテキストになりません",
        ),
        RowLength => (
            "the row has {len} fields but the header has {expected}; every row of the report has one value per column",
            "この行のフィールドは {len} 個ですが、ヘッダーは {expected} 個です。レポートの各行には列ごとに 1 つの値が必要です。",
        ),
        /// `{error}` is the CSV reader's words.
        BadRow => (
            "cannot read this row: {error}; {hint}",
            "この行を読み取れません: {error}。{hint}",
        ),
        OtherAccount => (
            "`{arn}` is not of the account being loaded (`{id}`); use the credential report of the same account as the authorization details",
            "`{arn}` は読み込み中のアカウント (`{id}`) のものではありません。認証の詳細と同じアカウントの認証情報レポートを使ってください。",
        ),
        NotUserArn => (
            "`{arn}` is not the ARN of the user `{name}`, such as `{prefix}/{name}`; use the report as AWS wrote it",
            "`{arn}` はユーザー `{name}` の ARN (`{prefix}/{name}` など) ではありません。AWS が出力したままのレポートを使ってください。",
        ),
        ArnDiffers => (
            "the authorization details give user `{name}` the ARN `{details}`, not `{arn}`; use a report and authorization details of the same moment",
            "認証の詳細では、ユーザー `{name}` の ARN は `{arn}` ではなく `{details}` です。同じ時点のレポートと認証の詳細を使ってください。",
        ),
        OutOfRange => (
            "`{n}` is outside AWS's range of {lo} to {hi}, so AWS cannot have written it; use a value in that range",
            "`{n}` は AWS の範囲 ({lo} から {hi} まで) の外なので、AWS が出力した値ではありません。この範囲の値を使ってください。",
        ),

        // ---- what an import put up with (after `warning: `) ----
        Warning => ("`{file}`: at `{place}`: {message}", "`{file}`: 場所: `{place}`: {message}"),
        WarnTruncated => (
            "the file is one page of several (`IsTruncated` is true), so entities may be missing; let the AWS CLI fetch every page (leave out `--max-items`)",
            "このファイルは複数ページのうちの 1 ページです (`IsTruncated` が true)。含まれていないエンティティがあるかもしれません。AWS CLI にすべてのページを取得させてください (`--max-items` を付けないでください)。",
        ),
        WarnStandIn => (
            "the AWS managed policy `{arn}` is neither in `Policies` nor bundled with iamdojo: it stays attached, but as a stand-in that allows nothing; get the authorization details again without `--filter` so that the file holds its document",
            "AWS 管理ポリシー `{arn}` は `Policies` になく、iamdojo にも同梱されていません。アタッチされたままですが、何も許可しない代わりのポリシーとして扱います。ファイルにそのドキュメントが含まれるように、`--filter` を付けずに認証の詳細をもう一度取得してください。",
        ),
        WarnMissingGroup => (
            "the group `{group}` is not in `GroupDetailList`: its members keep it, but it has no policies here; get the authorization details again without `--filter` to include it",
            "グループ `{group}` は `GroupDetailList` にありません。メンバーはこのグループに属したままですが、ここではポリシーを持ちません。このグループを含めるには、`--filter` を付けずに認証の詳細をもう一度取得してください。",
        ),

        // ---- serde_json's syntax messages ----
        JsonEofList => ("EOF while parsing a list", "リストの途中でファイルが終わっています"),
        JsonEofObject => ("EOF while parsing an object", "オブジェクトの途中でファイルが終わっています"),
        JsonEofString => ("EOF while parsing a string", "文字列の途中でファイルが終わっています"),
        JsonEofValue => ("EOF while parsing a value", "値の途中でファイルが終わっています"),
        JsonExpectedColon => ("expected `:`", "`:` が必要です"),
        JsonExpectedListComma => ("expected `,` or `]`", "`,` または `]` が必要です"),
        JsonExpectedObjectComma => ("expected `,` or `}`", "`,` または `}` が必要です"),
        JsonExpectedIdent => ("expected ident", "`true`、`false`、`null` のいずれかが必要です"),
        JsonExpectedValue => ("expected value", "値が必要です"),
        JsonInvalidEscape => ("invalid escape", "正しくないエスケープがあります"),
        JsonInvalidNumber => ("invalid number", "数値が正しくありません"),
        JsonNumberOutOfRange => ("number out of range", "数値が範囲外です"),
        JsonInvalidUnicode => ("invalid unicode code point", "正しくない Unicode コードポイントがあります"),
        JsonControlCharacter => (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "文字列の中に制御文字 (\\u0000-\\u001F) があります",
        ),
        JsonKeyMustBeString => ("key must be a string", "キーは文字列である必要があります"),
        JsonTrailingComma => ("trailing comma", "最後の要素の後にカンマがあります"),
        JsonTrailingCharacters => ("trailing characters", "JSON の値の後に余分な文字があります"),
        JsonRecursionLimit => ("recursion limit exceeded", "入れ子が深すぎます"),
        JsonLoneSurrogate => (
            "lone leading surrogate in hex escape",
            "16 進エスケープにペアのない上位サロゲートがあります",
        ),
        JsonUnexpectedHexEnd => ("unexpected end of hex escape", "16 進エスケープが途中で終わっています"),
        /// serde_json's words this catalog does not know, quoted as they came.
        JsonOther => ("{error}", "JSON の構文エラー ({error})"),
    }
}
