//! What the TUI says about the learner's key file (`tui::keymap`, `keys.yaml`), in the
//! learner's language. Each problem is said after `FILE:LINE: ` (where the file says where);
//! the names of actions, contexts and keys (`next`, `typing`, `Ctrl+S`) are what the file is
//! written in, so they stay as they are, and so does what the YAML parser said.

crate::catalog! {
    /// Problems of the key file.
    pub enum KeyFile {
        /// The file could not be read; `{error}` says why, with the file's name.
        Unreadable => (
            "{error}; the default keys are used",
            "{error}。既定のキーを使います。",
        ),
        TooDeep => (
            "nests too deep for a key file; the default keys are used",
            "キーファイルとしては入れ子が深すぎます。既定のキーを使います。",
        ),
        NotAMapping => (
            "expected a mapping such as `next: l`; the default keys are used",
            "`next: l` のようなマッピングを書いてください。既定のキーを使います。",
        ),
        /// `{error}` is the YAML parser's.
        NotYaml => (
            "not valid YAML ({error}); the default keys are used",
            "YAML として正しくありません ({error})。既定のキーを使います。",
        ),
        NotText => (
            "a key that is not text is ignored",
            "テキストではないキーは無視します。",
        ),
        /// `{name}` is `context.action` with a context that does not exist.
        UnknownContext => (
            "unknown context in `{name}`; use one of {contexts}",
            "`{name}` のコンテキストがありません。{contexts} のいずれかを使ってください。",
        ),
        /// `{hint}` is empty or a `DidYouMean`.
        UnknownAction => (
            "unknown action `{action}`{hint}; actions are {actions}",
            "`{action}` という操作はありません{hint}。操作は {actions} です。",
        ),
        DidYouMean => (
            " (did you mean `{name}`?)",
            " (`{name}` のことですか？)",
        ),
        NotAKey => (
            "`{text}` is not a key; write e.g. `n`, `Space`, `Enter`, `F2` or `Ctrl+S`",
            "`{text}` はキーではありません。`n`、`Space`、`Enter`、`F2`、`Ctrl+S` のように書いてください。",
        ),
        PlainWhileTyping => (
            "while typing, a plain character is text; bind `{name}` to a Ctrl+ or F key",
            "入力中は、修飾キーなしの文字はテキストとして入力されます。`{name}` には Ctrl+ のキーか F キーを割り当ててください。",
        ),
        /// Between the names of contexts or actions.
        ListSep => (", ", "、"),
        /// Between two problems on the status line.
        ProblemSep => ("; ", " / "),
    }
}
