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
