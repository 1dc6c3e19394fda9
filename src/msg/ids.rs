//! The messages of the id rules (`ids`): why a string cannot be a pack, lesson or step id, a
//! learner's name, a record id or a setting's name.

crate::catalog! {
    /// Ids and names that a rule refuses.
    pub enum Ids {
        /// The refusal: `{what}` is one of the kinds below, `{reason}` one of the reasons.
        /// (The Japanese names the kind first, before a colon, so that it reads the same
        /// whether the kind ends in a Latin word, `ID`, or a Japanese one.)
        Invalid => (
            "`{value}` is not a valid {what}: {reason}",
            "{what}: `{value}` は使えません。{reason}",
        ),

        // ---- what the string was meant to be ----
        /// A pack's `id`.
        PackId => ("pack id", "パック ID"),
        /// A lesson's `id`.
        LessonId => ("lesson id", "レッスン ID"),
        /// A step's `id`.
        StepId => ("step id", "ステップ ID"),
        /// A learner profile's name.
        LearnerName => ("learner name", "学習者の名前"),
        /// The id of a recorded attempt, command or profile.
        RecordId => ("record id", "レコード ID"),
        /// The name of a setting.
        SettingName => ("setting name", "設定の名前"),

        // ---- why not ----
        /// Nothing was given.
        Empty => ("it is empty", "空です"),
        /// Longer than the rule allows.
        TooLong => ("it is too long", "長すぎます"),
        /// A control character (a line break, ESC, …) inside.
        ControlCharacter => (
            "it contains a control character",
            "制御文字が含まれています",
        ),
        /// A space at either end.
        OuterSpace => (
            "it starts or ends with a space",
            "先頭か末尾にスペースがあります",
        ),
        /// The rule for ids authors write.
        Slug => (
            "use lowercase letters, digits, `-` and `_` only",
            "英小文字、数字、`-`、`_` だけを使ってください",
        ),
        /// The rule for record ids.
        RecordChars => (
            "only ASCII letters, digits, `-` and `_` are allowed",
            "使えるのは ASCII の英字、数字、`-`、`_` だけです",
        ),
        /// The rule for setting names.
        SettingChars => (
            "only lowercase ASCII letters, digits, `_`, `.` and `-` are allowed",
            "使えるのは ASCII の英小文字、数字、`_`、`.`、`-` だけです",
        ),
    }
}
