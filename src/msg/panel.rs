//! The panels' strings: the decision explainer, the findings, the account explorer and the
//! settings (the progress dashboard's are in `progress`).

crate::catalog! {
    /// Titles, labels and notes of the panels.
    pub enum PanelText {
        ActionsInServices => (
            "{total} action(s) in {services} service(s)",
            "{total} 件のアクション ({services} サービス)",
        ),
        DecisionExplainer => (
            " Decision explainer ",
            " 判定の説明 ",
        ),
        AuditFindings => (
            " Audit findings ",
            " 監査結果 ",
        ),
        AccountExplorer => (
            " Account explorer ",
            " アカウントエクスプローラー ",
        ),
        Progress => (
            " Progress ",
            " 進捗 ",
        ),
        Settings => (
            " Settings ",
            " 設定 ",
        ),
        NothingToExplainYet => (
            "Nothing to explain yet. Answer a predict exercise correctly, make a call that is denied in a sandbox exercise, or check a policy that gets an expected request wrong; then press E (F3 while typing).",
            "まだ説明する判定がありません。予想の演習に正解する、サンドボックスで拒否される呼び出しをする、または期待どおりにならないポリシーをチェックしてから E (入力中は F3) を押してください。",
        ),
        ThisPanelShowsThe => (
            "This panel shows the account of a sandbox exercise. Open a task or investigation step, then press the key again.",
            "このパネルはサンドボックス演習のアカウントを表示します。タスクまたは調査のステップを開いてから、もう一度キーを押してください。",
        ),
        ProgressIsNotBeing => (
            "Progress is not being saved, so there is nothing to show.",
            "進捗が保存されていないため、表示するものがありません。",
        ),
        Request => (
            "Request: ",
            "リクエスト: ",
        ),
        Decision => (
            "Decision: ",
            "判定: ",
        ),
        MissingContextKeys => (
            "Missing context keys: ",
            "リクエストにないコンテキストキー: ",
        ),
        NoStatementOfAny => (
            "No statement of any policy names this action's service: nothing allows it, so it is denied by default (implicit deny).",
            "どのポリシーのステートメントもこのアクションのサービスを指定していません。許可がないため、デフォルトで拒否されます (暗黙的な拒否)。",
        ),
        StatementsLookedAt => (
            " Statements looked at ",
            " 評価したステートメント ",
        ),
        Line => (
            "line",
            "行",
        ),
        NoFindingsThisAccount => (
            "No findings: this account passes every check.",
            "検出結果はありません。すべてのチェックに合格しています。",
        ),
        Evidence => (
            "Evidence",
            "根拠",
        ),
        Fix => (
            "Fix",
            "修正",
        ),
        Detail => (
            " Detail ",
            " 詳細 ",
        ),
        PressEnterForThis => (
            "Press Enter for this principal's effective permissions by service and access level.",
            "Enter でこのプリンシパルの実効権限 (サービス別・アクセスレベル別) を表示します。",
        ),
        Language => (
            "Language",
            "言語",
        ),
        Theme => (
            "Theme",
            "テーマ",
        ),
        /// A theme's name in the settings, with the value `--theme` takes.
        ThemeDefault => ("default", "標準 (default)"),
        ThemeHighContrast => ("high-contrast", "ハイコントラスト (high-contrast)"),
        ThemeNoColor => ("no-color", "色なし (no-color)"),
        Learner => (
            "Learner",
            "学習者",
        ),
        ProfileSOnThis => (
            "profile(s) on this machine",
            "件のプロファイル",
        ),
        NewLearner => (
            "New learner",
            "新しい学習者",
        ),
        EnterThenTypeA => (
            "Enter, then type a name",
            "Enter を押して名前を入力",
        ),
        EnterChangesTheSelected => (
            "Enter changes the selected setting: the language and theme switch, the learner moves to the next profile, and New learner creates a profile (any name in any language, up to 64 characters) and switches to it. Choices are saved for each learner; iamdojo --learner NAME starts as that learner. NO_COLOR in the environment turns colours off.",
            "Enter で選択した設定を変更します。言語とテーマは切り替わり、学習者は次のプロファイルに移ります。新しい学習者では名前 (どの言語でも 64 文字まで) を入力すると、プロファイルを作成して切り替えます。設定は学習者ごとに保存されます。`iamdojo --learner 名前` でその学習者として始められます。環境変数 NO_COLOR で色を消せます。",
        ),
    }
}

crate::catalog! {
    /// The account explorer's tree: section headings and what each row says about an entity.
    pub enum Explorer {
        Users => ("Users", "ユーザー"),
        Groups => ("Groups", "グループ"),
        Roles => ("Roles", "ロール"),
        CustomerManaged => ("Customer managed policies", "カスタマー管理ポリシー"),
        Attached => ("attached", "アタッチ"),
        Inline => ("inline", "インライン"),
        Boundary => ("boundary", "境界"),
        NoMfa => ("no MFA", "MFA なし"),
        Mfa => ("MFA", "MFA あり"),
        ConsolePassword => ("console password", "コンソールパスワード"),
        ActiveKeys => ("{n} active access key(s)", "有効なアクセスキー {n} 個"),
        Group => ("group", "グループ"),
        Members => ("{n} member(s)", "メンバー {n} 人"),
        TrustPolicy => ("trust policy", "信頼ポリシー"),
        InstanceProfile => ("instance profile", "インスタンスプロファイル"),
        Default => ("default", "デフォルト"),
    }
}
