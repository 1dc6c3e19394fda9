//! The glossary's strings: the TUI's glossary panel and the plain mode's `glossary` command.
//! The terms themselves are pack data (`glossary.yaml`), not messages.

crate::catalog! {
    /// The glossary panel and the plain mode's `glossary` command.
    pub enum Glossary {
        /// The panel's title.
        Title => (" Glossary ", " 用語集 "),
        /// The list's title: how many terms are listed.
        ListTitle => (" Glossary ({n}) ", " 用語集 ({n}) "),
        /// The list's title while a filter hides some terms.
        ListTitleFiltered => (" Glossary ({shown} of {all}) ", " 用語集 ({all} 件中 {shown} 件) "),
        /// No pack has a glossary.
        Empty => (
            "No glossary is loaded: none of the packs has a glossary.yaml.",
            "用語集がありません。読み込んだパックに glossary.yaml がありません。",
        ),
        /// The filter matches nothing.
        NoMatch => (
            "No term matches the filter. Backspace edits it, Esc clears it.",
            "絞り込みに一致する用語がありません。Backspace で修正、Esc で解除します。",
        ),
        /// The line above the list while the learner types the filter.
        FilterTyping => ("Filter: {filter}▏", "絞り込み: {filter}▏"),
        /// The line above the list while a filter is kept.
        FilterKept => ("Filter: {filter}  (/ to change)", "絞り込み: {filter}  (/ で変更)"),
        /// The line above the list with no filter and no step's terms.
        FilterHint => ("/ filters the terms", "/ で用語を絞り込み"),
        /// The line above the list when the step's terms come first.
        PinnedLegend => ("● used in this step", "● このステップで使われている用語"),
        /// English, named in the learner's language (a column's title, before its page).
        English => ("English", "英語"),
        /// Japanese, named in the learner's language.
        Japanese => ("Japanese", "日本語"),
        /// The documentation pane's title.
        Docs => (" AWS documentation ", " AWS ドキュメント "),
        /// Plain mode: the heading of the list of every term.
        PlainIndex => (
            "Glossary: {n} terms. Type `glossary WORD` to see a term's definitions and AWS pages.",
            "用語集: {n} 件の用語。「glossary 語句」で用語の定義と AWS のページを表示します。",
        ),
        /// Plain mode: the heading of a step's linked terms.
        PlainStep => (
            "Glossary: the terms of this step ({n}). Type `glossary WORD` for any other term.",
            "用語集: このステップの用語 ({n} 件)。ほかの用語は「glossary 語句」で表示します。",
        ),
        /// Plain mode: the heading of the terms matching a word.
        PlainFound => ("Glossary: {n} term(s) match `{word}`.", "用語集: 「{word}」に一致する用語は {n} 件です。"),
        /// Plain mode: nothing matches.
        PlainNone => (
            "No glossary term matches `{word}`. Type `glossary` alone for the list of terms.",
            "「{word}」に一致する用語はありません。「glossary」だけを入力すると用語の一覧を表示します。",
        ),
        /// Plain mode: no glossary loaded.
        PlainEmpty => (
            "No glossary is loaded: none of the packs has a glossary.yaml.",
            "用語集がありません。読み込んだパックに glossary.yaml がありません。",
        ),
    }
}
