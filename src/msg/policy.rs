//! The policy parser's sentences (`policy::parse`): why a policy document was refused and what
//! to do, carried by [`crate::policy::PolicyError`] as a [`super::said::Said`] and worded where
//! it is shown. The English is what AWS-shaped outputs print (the sandbox's
//! `MalformedPolicyDocument`, the JSON of `validate-policy` and `simulate-custom-policy`); the
//! Japanese is for the learner, in the terms of AWS's Japanese IAM documentation.
//!
//! The JSON syntax errors name the JSON parser's own sentences (its `ParseErrorKind`), kept
//! word for word in English.

crate::catalog! {
    /// The policy parser's messages.
    pub enum PolicyParse {
        // ---- JSON syntax ----
        /// `{error}` is one of the `Json…` entries below.
        NotJson => (
            "the policy is not valid JSON: {error}; check quotes, commas and brackets",
            "ポリシーが正しい JSON ではありません: {error}。引用符、カンマ、括弧を確認してください。",
        ),
        JsonBareDecimalPoint => (
            "Leading or trailing decimal points on numbers are not allowed",
            "数値の先頭や末尾に小数点を書くことはできません",
        ),
        JsonComments => ("Comments are not allowed", "コメントは書けません"),
        JsonExpectedColon => (
            "Expected colon after the string or word in object property",
            "オブジェクトのプロパティ名の後にコロン (:) が必要です",
        ),
        JsonExpectedDigit => ("Expected digit", "数字が必要です"),
        JsonExpectedDigitAfterMinus => (
            "Expected digit following negative sign",
            "マイナス記号の後に数字が必要です",
        ),
        JsonExpectedExponent => (
            "Expected plus, minus, or digit in number literal",
            "数値の指数部にはプラス、マイナス、または数字が必要です",
        ),
        JsonExpectedValue => (
            "Expected value after colon in object property",
            "オブジェクトのプロパティのコロン (:) の後に値が必要です",
        ),
        JsonExpectedPropertyName => (
            "Expected string for object property",
            "オブジェクトのプロパティ名は二重引用符で囲んだ文字列で書く必要があります",
        ),
        JsonHexadecimal => ("Hexadecimal numbers are not allowed", "16 進数の数値は書けません"),
        JsonExpectedComma => ("Expected comma", "カンマ (,) が必要です"),
        JsonMultipleValues => (
            "Text cannot contain more than one JSON value",
            "JSON の値は 1 つしか書けません",
        ),
        JsonNonFinite => ("Infinity and NaN are not allowed", "無限大と非数 (NaN) は書けません"),
        JsonSingleQuoted => (
            "Single-quoted strings are not allowed",
            "文字列は一重引用符 (') ではなく二重引用符 (\") で囲んでください",
        ),
        JsonTrailingComma => (
            "Trailing commas are not allowed",
            "最後の要素の後にカンマ (,) は書けません",
        ),
        JsonUnaryPlus => ("Unary plus on numbers is not allowed", "数値の前にプラス記号は書けません"),
        JsonUnexpectedCloseBrace => ("Unexpected close brace", "予期しない `}` があります"),
        JsonUnexpectedCloseBracket => ("Unexpected close bracket", "予期しない `]` があります"),
        JsonUnexpectedColon => ("Unexpected colon", "予期しない `:` があります"),
        JsonUnexpectedComma => ("Unexpected comma", "予期しない `,` があります"),
        JsonUnexpectedWord => (
            "Unexpected word",
            "予期しない単語があります (文字列は二重引用符で囲みます)",
        ),
        JsonUnexpectedToken => ("Unexpected token", "予期しない文字があります"),
        JsonUnexpectedTokenInObject => (
            "Unexpected token in object",
            "オブジェクトの中に予期しない文字があります",
        ),
        JsonUnterminatedArray => ("Unterminated array", "リストが `]` で閉じられていません"),
        JsonUnterminatedComment => (
            "Unterminated comment block",
            "コメントブロックが閉じられていません",
        ),
        JsonUnterminatedObject => (
            "Unterminated object",
            "オブジェクトが `}` で閉じられていません",
        ),
        JsonTooDeep => ("Maximum nesting depth exceeded", "入れ子が深すぎます"),
        JsonInvalidEscapeSingle => (
            "Invalid escape in single quote string",
            "一重引用符の文字列に正しくないエスケープがあります",
        ),
        JsonInvalidEscapeDouble => (
            "Invalid escape in double quote string",
            "文字列に正しくないエスケープがあります",
        ),
        JsonFourHexDigits => ("Expected four hex digits", "16 進数 4 桁が必要です"),
        JsonTwoHexDigits => ("Expected two hex digits", "16 進数 2 桁が必要です"),
        JsonInvalidUnicode => (
            "Invalid unicode escape sequence. '{value}' is not a valid UTF8 character",
            "Unicode エスケープシーケンスが正しくありません。'{value}' は有効な UTF-8 の文字ではありません",
        ),
        JsonInvalidEscape => ("Invalid escape", "正しくないエスケープがあります"),
        JsonUnterminatedString => (
            "Unterminated string literal",
            "文字列が二重引用符で閉じられていません",
        ),
        /// A JSON parser's sentence this catalog does not know, quoted as it came.
        JsonOther => ("{error}", "JSON の構文エラー ({error})"),

        // ---- the document ----
        Empty => (
            "the policy is empty; a policy is a JSON object with `Version` and `Statement`",
            "ポリシーが空です。ポリシーは `Version` と `Statement` を持つ JSON オブジェクトです。",
        ),
        /// `{ty}` is a `Ty…` entry.
        TooLarge => (
            "the {ty} has {n} characters (white space not counted) but the quota is {limit}; split it into several policies or use wildcards",
            "{ty}の文字数は {n} 文字 (空白を除く) で、クォータの {limit} 文字を超えています。複数のポリシーに分割するか、ワイルドカードを使ってください。",
        ),
        /// `{ty}` is a `Ty…` entry.
        InlineTotal => (
            "the {ty}s together have {total} characters (white space not counted) but the quota is {limit}; move some permissions into a managed policy",
            "{ty}の文字数は合計 {total} 文字 (空白を除く) で、クォータの {limit} 文字を超えています。一部のアクセス許可を管理ポリシーに移してください。",
        ),
        /// `{what}` is a `What…` entry, `{hint}` empty or a `DidYouMean`.
        UnknownElement => (
            "`{name}` is not an element of {what}{hint}",
            "`{name}` は{what}の要素ではありません。{hint}",
        ),
        DuplicateElement => (
            "`{name}` appears twice; keep one and merge the values",
            "`{name}` が 2 回出現しています。1 つだけ残して、値をまとめてください。",
        ),
        /// `{type}` is a `Type…` entry.
        NotString => (
            "`{path}` must be a string, not {type}",
            "`{path}` には文字列を指定してください (指定された値: {type})。",
        ),
        NotStrings => (
            "`{path}` must be a string or a list of strings, not {type}",
            "`{path}` には文字列または文字列のリストを指定してください (指定された値: {type})。",
        ),
        PolicyNotObject => (
            "a policy must be a JSON object with `Version` and `Statement`, not {type}",
            "ポリシーは `Version` と `Statement` を持つ JSON オブジェクトである必要があります (指定された値: {type})。",
        ),
        UnknownVersion => (
            "`{version}` is not a policy language version; use \"2012-10-17\"",
            "`{version}` はポリシー言語のバージョンではありません。\"2012-10-17\" を指定してください。",
        ),
        MissingStatement => (
            "the policy has no `Statement`; add at least one statement",
            "ポリシーに `Statement` がありません。ステートメントを 1 つ以上追加してください。",
        ),
        EmptyStatement => (
            "`Statement` is empty; add at least one statement",
            "`Statement` が空です。ステートメントを 1 つ以上追加してください。",
        ),
        StatementWrongType => (
            "`Statement` must be an object or a list of objects, not {type}",
            "`Statement` にはオブジェクトまたはオブジェクトのリストを指定してください (指定された値: {type})。",
        ),
        DuplicateSid => (
            "the Sid `{sid}` is used by two statements; Sids must be unique",
            "Sid `{sid}` が 2 つのステートメントで使われています。Sid は一意である必要があります。",
        ),

        // ---- a statement ----
        StatementNotObject => (
            "a statement must be a JSON object, not {type}",
            "ステートメントは JSON オブジェクトである必要があります (指定された値: {type})。",
        ),
        InvalidSid => (
            "the Sid `{sid}` may hold only ASCII letters and digits (A-Z, a-z, 0-9)",
            "Sid `{sid}` に使えるのは ASCII の英字と数字 (A-Z、a-z、0-9) だけです。",
        ),
        MissingEffect => (
            "the statement has no `Effect`; add \"Effect\": \"Allow\" or \"Deny\"",
            "ステートメントに `Effect` がありません。\"Effect\": \"Allow\" または \"Deny\" を追加してください。",
        ),
        InvalidEffect => (
            "`Effect` must be \"Allow\" or \"Deny\" (with that case), not `{effect}`",
            "`Effect` には \"Allow\" または \"Deny\" を、大文字と小文字もこのとおりに指定してください。`{effect}` は指定できません。",
        ),
        PrincipalAndNotPrincipal => (
            "a statement can have `Principal` or `NotPrincipal`, not both",
            "ステートメントには `Principal` と `NotPrincipal` のどちらか一方だけを書けます。",
        ),
        /// `{ty}` is a `Ty…` entry.
        MissingPrincipal => (
            "a statement of a {ty} must name a `Principal` (or `NotPrincipal`)",
            "{ty}のステートメントには、`Principal` (または `NotPrincipal`) でプリンシパルを指定する必要があります。",
        ),
        PrincipalNotAllowed => (
            "a {ty} cannot have `{elem}`: it applies to whoever it is attached to; remove the element",
            "{ty}には `{elem}` を書けません。このポリシーは、アタッチされたプリンシパルに適用されます。この要素を削除してください。",
        ),
        InvalidAwsPrincipal => (
            "`{value}` is not a valid AWS principal: use \"*\", a 12-digit account id or an ARN such as arn:aws:iam::111122223333:user/alice (wildcards inside an ARN are not allowed)",
            "`{value}` は有効な AWS プリンシパルではありません。\"*\"、12 桁のアカウント ID、または arn:aws:iam::111122223333:user/alice のような ARN を指定してください (ARN の中にワイルドカードは使えません)。",
        ),
        PrincipalWrongType => (
            "`{elem}` must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::111122223333:root\"}",
            "`{elem}` には \"*\" または {\"AWS\": \"arn:aws:iam::111122223333:root\"} のようなオブジェクトを指定してください。",
        ),
        ActionAndNotAction => (
            "a statement can have `Action` or `NotAction`, not both",
            "ステートメントには `Action` と `NotAction` のどちらか一方だけを書けます。",
        ),
        MissingAction => (
            "the statement has no `Action` (or `NotAction`); name the actions it is about, e.g. \"s3:GetObject\"",
            "ステートメントに `Action` (または `NotAction`) がありません。対象のアクションを \"s3:GetObject\" のように指定してください。",
        ),
        EmptyActions => (
            "the action list is empty; name at least one action",
            "アクションのリストが空です。アクションを 1 つ以上指定してください。",
        ),
        InvalidAction => (
            "`{action}` is not an action: write service:Action, e.g. \"s3:GetObject\", or \"*\"",
            "`{action}` はアクションではありません。\"s3:GetObject\" のように、サービスのプレフィックスとアクション名をコロン (:) でつないで書くか、\"*\" を指定してください。",
        ),
        ResourceAndNotResource => (
            "a statement can have `Resource` or `NotResource`, not both",
            "ステートメントには `Resource` と `NotResource` のどちらか一方だけを書けます。",
        ),
        /// `{ty}` is a `Ty…` entry.
        MissingResource => (
            "the statement has no `Resource` (or `NotResource`), which a {ty} needs; use \"*\" or the ARNs it is about",
            "ステートメントに `Resource` (または `NotResource`) がありません。{ty}には必要です。\"*\" または対象のリソースの ARN を指定してください。",
        ),
        ResourceInTrustPolicy => (
            "a role trust policy cannot have `{elem}`: the resource is the role itself; remove it",
            "ロールの信頼ポリシーには `{elem}` を書けません。リソースはロール自体です。この要素を削除してください。",
        ),
        EmptyResources => (
            "the resource list is empty; use \"*\" or at least one ARN",
            "リソースのリストが空です。\"*\" または 1 つ以上の ARN を指定してください。",
        ),
        InvalidResource => (
            "`{resource}` is not \"*\" or an ARN; resources are written as ARNs, e.g. arn:aws:s3:::my-bucket/*",
            "`{resource}` は \"*\" でも ARN でもありません。リソースは arn:aws:s3:::my-bucket/* のように ARN で書きます。",
        ),

        // ---- conditions ----
        ConditionWrongType => (
            "`Condition` must be an object of operators, not {type}",
            "`Condition` には、条件演算子をキーとするオブジェクトを指定してください (指定された値: {type})。",
        ),
        /// `{hint}` is empty or a `DidYouMean`.
        UnknownOperator => (
            "`{op}` is not a condition operator{hint}",
            "`{op}` は条件演算子ではありません。{hint}",
        ),
        DuplicateOperator => (
            "the operator `{op}` appears twice; merge its keys into one block",
            "条件演算子 `{op}` が 2 回出現しています。条件キーを 1 つのブロックにまとめてください。",
        ),
        OperatorWrongType => (
            "`{op}` must be an object of condition keys and values, not {type}",
            "`{op}` には、条件キーと値のオブジェクトを指定してください (指定された値: {type})。",
        ),
        DuplicateKey => (
            "the key `{key}` appears twice under `{op}` (keys ignore case); merge the values",
            "条件キー `{key}` が `{op}` の下に 2 回出現しています (条件キーは大文字と小文字を区別しません)。値を 1 つにまとめてください。",
        ),
        ConditionValueType => (
            "a condition value must be a string, number or boolean (or a list of them), not {type}",
            "条件の値には、文字列、数値、ブール値 (またはそれらのリスト) を指定してください (指定された値: {type})。",
        ),
        NoConditionValue => (
            "the condition has no value; give at least one",
            "条件に値がありません。値を 1 つ以上指定してください。",
        ),
        NotANumber => ("`{value}` is not a number", "`{value}` は数値ではありません。"),
        NotADate => (
            "`{value}` is not a date (ISO 8601 such as 2026-01-31T00:00:00Z, or epoch seconds)",
            "`{value}` は日付 (2026-01-31T00:00:00Z のような ISO 8601 形式、またはエポック秒) ではありません。",
        ),
        NotABool => (
            "`{value}` is not `true` or `false`",
            "`{value}` は `true` でも `false` でもありません。",
        ),
        NotAnIp => (
            "`{value}` is not an IP address or CIDR block such as 203.0.113.0/24",
            "`{value}` は IP アドレスでも、203.0.113.0/24 のような CIDR ブロックでもありません。",
        ),

        // ---- pieces ----
        DidYouMean => ("; did you mean `{name}`?", "`{name}` の間違いではありませんか？"),
        WhatPolicy => ("a policy", "ポリシー"),
        WhatStatement => ("a statement", "ステートメント"),
        WhatPrincipal => ("a principal", "プリンシパル"),
        TypeString => ("a string", "文字列"),
        TypeNumber => ("a number", "数値"),
        TypeBool => ("a boolean", "ブール値"),
        TypeObject => ("an object", "オブジェクト"),
        TypeList => ("a list", "リスト"),
        TypeNull => ("null", "null (値なし)"),
        TyIdentity => ("identity-based policy", "アイデンティティベースのポリシー"),
        TyManaged => ("managed policy", "管理ポリシー"),
        TyInlineUser => ("user inline policy", "ユーザーのインラインポリシー"),
        TyInlineGroup => ("group inline policy", "グループのインラインポリシー"),
        TyInlineRole => ("role inline policy", "ロールのインラインポリシー"),
        TyBoundary => ("permissions boundary", "アクセス許可の境界"),
        TySession => ("session policy", "セッションポリシー"),
        TyScp => ("service control policy", "サービスコントロールポリシー (SCP)"),
        TyTrust => ("role trust policy", "ロールの信頼ポリシー"),
        TyResource => ("resource-based policy", "リソースベースのポリシー"),
    }
}
