//! The messages of reading input files (`input`): a file that cannot be read, is too large or
//! is not text, a YAML file nested too deep, and the shapes of serde's and libyaml's messages
//! that `input::yaml` recognises and words again here (a missing or unknown field, a value of
//! the wrong type, an unknown value, a duplicate, a file that ends too early, aliases that
//! expand too far).
//!
//! The English of each recognised shape is exactly serde's or libyaml's text, so English
//! output reads as it always has; a message of no known shape is quoted as it came, behind
//! [`Input::Unrecognised`]. Like a compiler's, the messages name fields and values in
//! backticks and end without a full stop, since the field path follows them. A reading
//! message follows the file's name (`l.yaml: cannot be read: …`).

crate::catalog! {
    /// Reading files and the messages of their parsers.
    pub enum Input {
        // ---- bounded reads (after the file's name) ----
        /// The file cannot be opened or read; `{error}` is the operating system's reason.
        CannotBeRead => ("cannot be read: {error}", "読み込めません: {error}"),
        /// More was read than the limit of this kind of file.
        TooLarge => (
            "is larger than the limit of {limit} for this kind of file; {advice}",
            "この種類のファイルの上限 ({limit}) を超えています。{advice}",
        ),
        /// A plain file whose size is over the limit.
        TooLargeBytes => (
            "is {n} bytes, larger than the limit of {limit} for this kind of file; {advice}",
            "{n} バイトあり、この種類のファイルの上限 ({limit}) を超えています。{advice}",
        ),
        /// Text that is not UTF-8.
        NotUtf8 => (
            "is not UTF-8 text (an invalid byte after {at} bytes); save it as UTF-8",
            "UTF-8 のテキストではありません (先頭から {at} バイトの後に不正なバイトがあります)。UTF-8 で保存してください",
        ),
        /// A time that is not ISO 8601 with a zone (a GAAD or credential-report field).
        NotTime => (
            "`{value}` is not an ISO 8601 time with a zone, such as `2026-01-05T09:00:00Z` or `2026-01-05T09:00:00+00:00`",
            "`{value}` は、タイムゾーン付きの ISO 8601 形式の時刻 (`2026-01-05T09:00:00Z`、`2026-01-05T09:00:00+00:00` など) ではありません",
        ),
        /// A folder where a file was meant.
        IsFolder => ("is a folder, not a file", "ファイルではなくフォルダーです"),
        /// A FIFO, device or socket inside a pack.
        NotPlainFile => (
            "is not a plain file (a FIFO, device or socket); only plain files are read here",
            "通常のファイルではありません (FIFO、デバイス、ソケットのいずれかです)。ここでは通常のファイルだけを読み込みます",
        ),
        /// What to do about an authorization-details file over the limit.
        AdviceGaad => (
            "for a very large account, raise the limit with {var}=<MiB> (for example {var}=2048)",
            "とても大きなアカウントの場合は、{var}=<MiB> で上限を上げてください (例: {var}=2048)",
        ),
        /// What to know about a policy document over the limit.
        AdvicePolicy => (
            "IAM itself accepts at most 10,240 characters in a policy",
            "IAM 自体も、1 つのポリシーには 10,240 文字までしか受け付けません",
        ),
        /// What to do about a pack file over the limit.
        AdvicePack => (
            "split the lesson into several files",
            "レッスンを複数のファイルに分けてください",
        ),
        /// What to do about a scenario over the limit.
        AdviceScenario => (
            "split the scenario or remove what the lesson does not need",
            "シナリオを分けるか、レッスンに必要ないものを削除してください",
        ),
        /// What to ask about any other file over the limit.
        AdviceOther => (
            "is this the right file?",
            "正しいファイルかどうか確認してください",
        ),
        /// A size in bytes (sizes in KiB and MiB read the same in both languages).
        Bytes => ("{n} bytes", "{n} バイト"),
        /// The field path after a file's message.
        At => (" (at `{path}`)", " (場所: `{path}`)"),

        // ---- YAML: our own limit ----
        /// A YAML file nested deeper than the limit.
        TooDeep => (
            "nests {depth} levels deep here; YAML files are limited to {max} levels of nesting (flatten the structure)",
            "ここで入れ子が {depth} 段になっています。YAML ファイルの入れ子は {max} 段までです (構造を浅くしてください)",
        ),

        // ---- serde's messages ----
        /// A required field is not there.
        MissingField => ("missing field `{field}`", "フィールド `{field}` がありません"),
        /// A field the format does not have; `{expected}` lists the ones it has.
        UnknownField => (
            "unknown field `{field}`, expected {expected}",
            "フィールド `{field}` はここでは使えません。使えるのは {expected}です",
        ),
        /// A field where the format has none.
        UnknownFieldNone => (
            "unknown field `{field}`, there are no fields",
            "フィールド `{field}` は使えません。ここにはフィールドを書けません",
        ),
        /// A value that is not one of the names the field takes.
        UnknownVariant => (
            "unknown variant `{variant}`, expected {expected}",
            "`{variant}` はここでは使えない値です。使えるのは {expected}です",
        ),
        /// A value where the field takes none of a list.
        UnknownVariantNone => (
            "unknown variant `{variant}`, there are no variants",
            "`{variant}` はここでは使えない値です。ここに書ける値はありません",
        ),
        /// Three or more names, one of which was meant. (The Japanese of these lists ends in
        /// a Japanese word, so that the sentence around them can follow without a space.)
        OneOf => ("one of {names}", "{names} のいずれか"),
        /// Two names, one of which was meant.
        EitherOf => ("`{a}` or `{b}`", "`{a}` か `{b}` のどちらか"),
        /// The one name that was meant.
        Only => ("`{name}`", "`{name}` だけ"),
        /// Between the names of a list.
        ListSep => (", ", "、"),
        /// After an unknown name: the nearest known one.
        DidYouMean => ("; did you mean `{name}`?", "。`{name}` の間違いではありませんか？"),
        /// A value of the wrong kind; `{want}` is what the field takes, `{got}` what is there.
        /// The Japanese quotes both in 「」, since either may be a Japanese phrase or serde's
        /// English.
        InvalidType => (
            "invalid type: {got}, expected {want}",
            "値の種類が違います: 「{want}」を書くところに「{got}」が書かれています",
        ),
        /// A value of the right kind that the field cannot take.
        InvalidValue => (
            "invalid value: {got}, expected {want}",
            "値が正しくありません: 「{want}」を書くところに「{got}」が書かれています",
        ),
        /// A list of the wrong length.
        InvalidLength => (
            "invalid length {n}, expected {want}",
            "要素の数が違います: 「{want}」が必要ですが、{n} 個あります",
        ),
        /// A field written twice.
        DuplicateField => (
            "duplicate field `{field}`",
            "フィールド `{field}` が 2 回書かれています",
        ),
        /// A key of a mapping written twice; `{key}` is quoted as serde quotes it.
        DuplicateKey => (
            "duplicate entry with key {key}",
            "キー {key} が 2 回書かれています",
        ),
        /// A value of none of the forms a field takes.
        NoVariantMatches => (
            "data did not match any variant of untagged enum {name}",
            "値の形が正しくありません。ここに書ける形 ({name}) のどれにも当てはまりません",
        ),

        // ---- the kinds of value serde names ----
        /// A string in the file.
        GotString => ("string {value}", "文字列 {value}"),
        /// An integer in the file.
        GotInteger => ("integer {value}", "整数 {value}"),
        /// A number with a decimal point in the file.
        GotFloat => ("floating point {value}", "小数 {value}"),
        /// `true` or `false` in the file.
        GotBool => ("boolean {value}", "真偽値 {value}"),
        /// A character in the file.
        GotChar => ("character {value}", "文字 {value}"),
        /// A list in the file.
        GotSequence => ("sequence", "リスト"),
        /// A mapping in the file.
        GotMap => ("map", "マッピング"),
        /// An empty value (`~`, `null` or nothing) in the file.
        GotUnit => ("unit value", "空の値"),
        /// A field that takes text.
        WantString => ("a string", "文字列"),
        /// A field that takes `true` or `false`.
        WantBool => ("a boolean", "真偽値 (true か false)"),
        /// A field that takes a list.
        WantSequence => ("a sequence", "リスト"),
        /// A field that takes a mapping.
        WantMap => ("a map", "マッピング"),
        /// A field that takes a mapping of named fields; `{name}` is the type's name.
        WantStruct => ("struct {name}", "マッピング ({name})"),
        /// A field that takes one of several names; `{name}` is the type's name.
        WantEnum => ("enum {name}", "決められた値 ({name})"),
        /// A field that takes a whole number of at least 0; `{type}` is its Rust type.
        WantUnsigned => ("{type}", "0 以上の整数 ({type})"),
        /// A field that takes a whole number; `{type}` is its Rust type.
        WantSigned => ("{type}", "整数 ({type})"),
        /// A field that takes a number; `{type}` is its Rust type.
        WantFloat => ("{type}", "数値 ({type})"),
        /// A field that takes a whole number (serde_yaml's word).
        WantInteger => ("an integer", "整数"),
        /// A field that takes a number (serde_yaml's word).
        WantFloatWord => ("a float", "数値"),
        /// A field that takes one character.
        WantChar => ("a character", "1 文字"),

        // ---- serde_yaml's limits and its own messages ----
        /// Aliases that repeat too much.
        RepetitionLimit => (
            "repetition limit exceeded; YAML aliases or nesting expand too far (a file that grows when read is refused)",
            "YAML のエイリアスか入れ子の展開が多すぎます (読み込むと大きくなるファイルは受け付けません)",
        ),
        /// Aliases or nesting that go too deep.
        RecursionLimit => (
            "recursion limit exceeded; YAML aliases or nesting expand too far (a file that grows when read is refused)",
            "YAML のエイリアスか入れ子の展開が深すぎます (読み込むと大きくなるファイルは受け付けません)",
        ),
        /// The file ends where a value should be.
        EofValue => (
            "EOF while parsing a value",
            "値を読み取る途中でファイルが終わっています",
        ),
        /// An alias to an anchor that is not defined.
        UnknownAnchor => (
            "unknown anchor",
            "定義されていないアンカーをエイリアスが参照しています",
        ),
        /// Several YAML documents in one file.
        MoreThanOneDocument => (
            "deserializing from YAML containing more than one document is not supported",
            "1 つのファイルに書ける YAML ドキュメントは 1 つだけです (`---` で区切らないでください)",
        ),

        // ---- libyaml's problems ----
        /// A quoted string that is never closed.
        EndOfStream => (
            "found unexpected end of stream",
            "引用符が閉じられないまま、ファイルが終わっています",
        ),
        /// A line indented where no key can be.
        NoExpectedKey => (
            "did not find expected key",
            "キーがあるはずのところにありません。インデントがそろっているか確認してください",
        ),
        /// `key: value` where a value is already being written.
        MappingValuesNotAllowed => (
            "mapping values are not allowed in this context",
            "ここには `キー: 値` を書けません。`: ` を含む文字列は引用符で囲んでください",
        ),
        /// A key where none can be.
        MappingKeysNotAllowed => (
            "mapping keys are not allowed in this context",
            "ここにはマッピングのキーを書けません",
        ),
        /// A list item where none can be.
        SequenceNotAllowed => (
            "block sequence entries are not allowed in this context",
            "ここにはリストの項目 (`- `) を書けません。インデントを確認してください",
        ),
        /// Nothing where a value should be.
        NoNodeContent => (
            "did not find expected node content",
            "値があるはずのところに値がありません",
        ),
        /// A character no YAML value can start with (`@`, a backquote).
        BadTokenStart => (
            "found character that cannot start any token",
            "YAML の値の先頭には使えない文字があります。`@` などで始まる値は引用符で囲んでください",
        ),
        /// A key without its colon.
        NoColon => (
            "could not find expected ':'",
            "`:` がありません。キーの後には `: ` を書いてください",
        ),
        /// A list item expected.
        NoDash => (
            "did not find expected '-' indicator",
            "リストの項目 (`- `) があるはずのところにありません。インデントを確認してください",
        ),
        /// A tab in the indentation.
        TabIndent => (
            "found a tab character that violates indentation",
            "インデントにタブが使われています。スペースでインデントしてください",
        ),
        /// A tab where an indentation space is expected.
        TabForSpace => (
            "found a tab character where an indentation space is expected",
            "インデントにタブが使われています。スペースでインデントしてください",
        ),
        /// An alias to an anchor that is not defined (libyaml's words).
        UndefinedAlias => (
            "found undefined alias",
            "定義されていないアンカーをエイリアスが参照しています",
        ),
        /// A flow list that is not closed.
        NoFlowSequenceEnd => (
            "did not find expected ',' or ']'",
            "`,` か `]` があるはずのところにありません",
        ),
        /// A flow mapping that is not closed.
        NoFlowMappingEnd => (
            "did not find expected ',' or '}'",
            "`,` か `}` があるはずのところにありません",
        ),
        /// A control character in the file.
        ControlCharacters => (
            "control characters are not allowed",
            "制御文字は使えません",
        ),

        // ---- anything else ----
        /// A message of no known shape, quoted as the parser wrote it.
        Unrecognised => ("{error}", "読み取れない内容があります: {error}"),
    }
}
