//! The interface's strings: the TUI (`Ui`) and the plain mode's own (`Plain`).

crate::catalog! {
    /// Strings of the TUI (and of the plain mode, where it shows the same thing).
    pub enum Ui {
        ExNoHints => ("This exercise has no hints.", "この演習にはヒントがありません。"),
        KindRead => (
            "read",
            "解説",
        ),
        KindQuiz => (
            "quiz",
            "クイズ",
        ),
        KindPredict => (
            "predict",
            "予想",
        ),
        KindPolicy => (
            "policy",
            "ポリシー",
        ),
        KindTask => (
            "task",
            "タスク",
        ),
        KindInvestigate => (
            "investigate",
            "調査",
        ),
        RequestPrincipal => ("principal", "プリンシパル"),
        RequestAction => ("action", "アクション"),
        RequestResource => ("resource", "リソース"),
        RequestContext => ("context", "コンテキスト"),
        AppTitle => (
            "iamdojo — learn AWS IAM security",
            "iamdojo — AWS IAM セキュリティを学ぶ",
        ),
        HomePacks => (
            "Lessons",
            "レッスン",
        ),
        HomeContinue => (
            "Continue where you left off",
            "前回の続きから",
        ),
        HomeBroken => (
            "broken",
            "読み込みエラー",
        ),
        HomeDone => (
            "done",
            "完了",
        ),
        HomeEmpty => (
            "No lesson packs were found.",
            "レッスンパックが見つかりません。",
        ),
        HomeNotsaving => (
            "Progress is not being saved",
            "進捗は保存されていません",
        ),
        HomeLearner => (
            "Learner",
            "学習者",
        ),
        LessonStep => (
            "Step",
            "ステップ",
        ),
        ModeNormal => (
            "NORMAL",
            "操作",
        ),
        PromptMore => (
            "▼ more: v shows the whole prompt",
            "▼ 続きがあります: v で問題文をすべて表示",
        ),
        PromptLess => (
            "v: back to the exercise",
            "v: 演習に戻る",
        ),
        HomeMinutes => (
            "{n} min",
            "{n} 分",
        ),
        PolicyCtxUnset => (
            "(not set)",
            "(なし)",
        ),
        ModeTyping => (
            "TYPING",
            "入力",
        ),
        /// On a pane's bottom border when its text goes on below what is shown.
        MoreBelow => (
            "▼ more below (↓ / j)",
            "▼ 続きがあります (↓ / j)",
        ),
        FooterMore => (
            "more",
            "その他のキー",
        ),
        LessonOf => (
            "of",
            "/",
        ),
        LessonFinished => (
            "Lesson complete! Press Esc to go back to the lessons.",
            "レッスン完了です！ Esc でレッスン一覧に戻ります。",
        ),
        LessonCompleteNext => (
            "Lesson complete — n (Ctrl+N while typing) shows your results",
            "レッスン完了です — n (入力中は Ctrl+N) で結果を表示します。",
        ),
        LessonUnsolved => (
            "The lesson is not complete yet: solve step {list} first",
            "レッスンはまだ完了していません。先にステップ {list} を解いてください",
        ),
        CompleteTitle => (
            "Lesson complete",
            "レッスン完了",
        ),
        CompleteExercises => (
            "Exercises solved: {s} of {n}",
            "解いた演習: {n} 問中 {s} 問",
        ),
        CompleteAids => (
            "Hints used: {h} · Solutions shown: {k}",
            "使ったヒント: {h} · 表示した解答: {k}",
        ),
        CompleteNext => (
            "Next lesson: {title} — Enter opens it, Esc goes back to the lessons",
            "次のレッスン: {title} — Enter で開きます。Esc でレッスン一覧に戻ります。",
        ),
        CompleteLast => (
            "That was the last lesson. Esc goes back to the lessons.",
            "これが最後のレッスンでした。Esc でレッスン一覧に戻ります。",
        ),
        HomeCount => (
            "{s}/{n} exercises",
            "演習 {s}/{n}",
        ),
        HomeAllDone => (
            "Everything is done: every exercise of every lesson is solved",
            "すべて完了しました。すべてのレッスンの演習を解きました",
        ),
        /// Asked before a restart: a sandbox step.
        ResetAsk => (
            "Restart this exercise from its start? The sandbox goes back to the scenario and the console is emptied. (y/n)",
            "この演習を最初からやり直しますか？ サンドボックスはシナリオの状態に戻り、コンソールは空になります。(y/n)",
        ),
        /// Asked before a restart: a policy step.
        ResetAskEditor => (
            "Restart this exercise from its start? The editor goes back to the starter policy. (y/n)",
            "この演習を最初からやり直しますか？ エディターは最初のポリシーに戻ります。(y/n)",
        ),
        /// Asked before a restart: a quiz or a prediction.
        ResetAskChoices => (
            "Restart this exercise from its start? Your choices are cleared. (y/n)",
            "この演習を最初からやり直しますか？ 選んだ答えは消えます。(y/n)",
        ),
        ResetDone => (
            "Restarted: this exercise is back at its start.",
            "やり直します。この演習を最初の状態に戻しました。",
        ),
        /// `s` asks before the solution is shown.
        SolutionAsk => (
            "Show the solution? It is recorded as shown, and a task's commands run in the sandbox. (y/n)",
            "解答を表示しますか？ 解答を表示したことが記録され、タスクではコマンドがサンドボックスで実行されます。(y/n)",
        ),
        /// The answer to `SolutionAsk` was not yes.
        SolutionKept => ("The solution was not shown.", "解答を表示しませんでした。"),
        /// Before the lesson's summary on the lesson-complete screen.
        CompleteCovered => ("This lesson:", "このレッスンの内容:"),
        ResetKept => (
            "Not restarted.",
            "やり直しませんでした。",
        ),
        ExSolvedBefore => (
            "You solved this before; here it is again from its start.",
            "この演習は解答済みです。最初の状態からもう一度表示しています。",
        ),
        TaskGoalLost => (
            "The goal no longer holds: {check} (Your earlier answer stays recorded.)",
            "目標を満たさなくなりました: {check} (前の解答は記録に残っています)",
        ),
        ExCorrect => (
            "Correct!",
            "正解です！",
        ),
        ExWrong => (
            "Not yet. Try again, or ask for a hint.",
            "まだです。もう一度試すか、ヒントを見てください。",
        ),
        ExHint => (
            "Hint",
            "ヒント",
        ),
        ExSolution => (
            "Solution",
            "解答",
        ),
        ExSolutionShown => (
            "Solution shown (recorded as such).",
            "解答を表示しました (記録されます)。",
        ),
        ExExplain => (
            "Why it matters",
            "ポイント",
        ),
        QuizPickOne => (
            "Pick one answer, then press Enter.",
            "答えを 1 つ選んで Enter を押してください。",
        ),
        QuizPickAll => (
            "Pick every correct answer (Space), then press Enter.",
            "正しいものをすべて選び (Space)、Enter を押してください。",
        ),
        PredictQuestion => (
            "What does IAM decide?",
            "IAM はどう判断するでしょうか？",
        ),
        PredictAllowed => (
            "Allowed",
            "許可 (allowed)",
        ),
        PredictExplicit => (
            "Explicit deny",
            "明示的な拒否 (explicitDeny)",
        ),
        PredictImplicit => (
            "Implicit deny",
            "暗黙的な拒否 (implicitDeny)",
        ),
        PredictWrong => (
            "That is not what IAM decides. Pick another answer and press Enter, or press s to see IAM's answer (recorded as shown).",
            "IAM の判定とは異なります。別の答えを選んで Enter を押すか、s を押して IAM の答えを表示してください (表示したことは記録されます)。",
        ),
        PredictFlowchart => (
            "Press E to see this decision as AWS's evaluation flowchart.",
            "E を押すと、この判定を AWS の評価フローチャートで見られます。",
        ),
        PredictEvaluator => (
            "The evaluator's answer",
            "評価エンジンの答え",
        ),
        PolicyEditor => (
            "Policy (Ctrl+S to check)",
            "ポリシー (Ctrl+S でチェック)",
        ),
        PolicyFindings => (
            "validate-policy findings",
            "validate-policy の検出結果",
        ),
        PolicyExpect => (
            "Expected requests",
            "期待されるリクエスト",
        ),
        PolicyNone => (
            "No findings.",
            "検出結果はありません。",
        ),
        PolicyShouldAllow => (
            "should be allowed",
            "許可されるべき",
        ),
        PolicyShouldDeny => (
            "should be denied",
            "拒否されるべき",
        ),
        /// Before the first check: where the findings will appear.
        PolicyNotChecked => (
            "As you type, the policy's findings and the expected requests appear here; Ctrl+S checks it as your answer.",
            "入力するたびに、検出結果と期待されるリクエストがここに表示されます。Ctrl+S で解答として確認します。",
        ),
        /// The side pane is scrolled to the first request that comes out wrong.
        PolicyMoreAbove => (
            "▲ more above",
            "▲ 上にもあります",
        ),
        /// The side pane goes on below.
        PolicyMoreBelow => (
            "▼ more below",
            "▼ 続きがあります",
        ),
        // A policy check that failed: the first expected request that came out wrong and
        // what of the learner's policy made it so (`run::Miss`), on the status line.
        /// The request: `{ctx}` is empty or ` (key = value, …)`.
        MissRequest => (
            "{action} on {resource}{ctx}",
            "{resource} に対する {action}{ctx}",
        ),
        /// Must be denied; the learner's statement allows it. `{why}` is a `MissBy…` sentence.
        MissAllowed => (
            "Not yet: {request} must be denied, but the statement on line {line} allows it. {why}",
            "まだです。{request} は拒否される必要がありますが、{line} 行目のステートメントが許可しています。{why}",
        ),
        MissByAction => (
            "Its Action {pattern} also covers {action}.",
            "Action の {pattern} が {action} にも一致します。",
        ),
        MissByResource => (
            "Its Resource {pattern} also matches this resource.",
            "Resource の {pattern} がこのリソースにも一致します。",
        ),
        /// `{values}`: the request's `key = value` for the condition's keys.
        MissByCondition => (
            "Its Condition {conditions} also holds for {values}.",
            "Condition の {conditions} は {values} でも満たされます。",
        ),
        MissNoCondition => (
            "It has no Condition, so it applies whatever the request's context is.",
            "Condition がないため、リクエストのコンテキストに関係なく適用されます。",
        ),
        /// Must be denied; another policy of the identity allows it.
        MissAllowedElsewhere => (
            "Not yet: {request} must be denied, but another policy of this identity allows it.",
            "まだです。{request} は拒否される必要がありますが、この ID の別のポリシーが許可しています。",
        ),
        /// Must be allowed; the learner's Deny statement applies.
        MissDenied => (
            "Not yet: {request} must be allowed, but the Deny statement on line {line} applies to it.",
            "まだです。{request} は許可される必要がありますが、{line} 行目の Deny ステートメントが該当します。",
        ),
        /// Must be allowed; a Deny of another policy applies.
        MissDeniedElsewhere => (
            "Not yet: {request} must be allowed, but a Deny in another policy of this identity applies to it.",
            "まだです。{request} は許可される必要がありますが、この ID の別のポリシーの Deny が該当します。",
        ),
        /// Must be allowed; the nearest Allow statement does not apply (`{verdict}` says why).
        MissNotAllowed => (
            "Not yet: {request} must be allowed, but the Allow statement on line {line} {verdict}.",
            "まだです。{request} は許可される必要がありますが、{line} 行目の Allow ステートメントは{verdict}。",
        ),
        /// Must be allowed; the policy has no Allow statement.
        MissNoAllow => (
            "Not yet: {request} must be allowed, but no Allow statement covers it.",
            "まだです。{request} は許可される必要がありますが、それを許可する Allow ステートメントがありません。",
        ),
        TaskConsole => (
            "Sandbox (type aws commands, Enter runs)",
            "サンドボックス (aws コマンドを入力して Enter)",
        ),
        /// The console's bottom border when older output is scrolled off the top.
        TaskMoreAbove => (
            "▲ {rows} more rows above (PgUp)",
            "▲ 上にあと {rows} 行 (PgUp)",
        ),
        TaskConsoleShort => (
            "Sandbox",
            "サンドボックス",
        ),
        TaskGoal => (
            "Goal",
            "ゴール",
        ),
        TaskAs => (
            "You are",
            "現在の ID",
        ),
        InvAnswer => (
            "Your answer (Ctrl+R: console ⇄ answer, Enter submits)",
            "あなたの答え (Ctrl+R でコンソールと切り替え、Enter で回答)",
        ),
        HelpTitle => (
            "Keys",
            "キー操作",
        ),
        HelpKeys => (
            "Change keys in keys.yaml in iamdojo's config folder (see the README).",
            "キーは iamdojo の設定フォルダーにある keys.yaml で変更できます (README を参照)。",
        ),
        HelpClose => (
            "↑/↓ scroll; any other key closes.",
            "↑/↓ でスクロール、ほかのキーで閉じます。",
        ),
        SmallTerminal => (
            "The terminal is too small: iamdojo needs at least 80×24. Enlarge the window.",
            "端末が小さすぎます。iamdojo には 80×24 以上が必要です。ウィンドウを広げてください。",
        ),
        QuitConfirm => (
            "Quit with unsaved work in this exercise? (y/n)",
            "この演習の作業は保存されていません。終了しますか？ (y/n)",
        ),
        StatusSaved => (
            "Saved",
            "保存しました",
        ),
        SaveFull => (
            "Not saved: the disk is full — your answers are kept in memory and saved when space is back",
            "保存できませんでした: ディスクがいっぱいです。回答はメモリーに保持し、空きができたら保存します",
        ),
        SaveFailed => (
            "Not saved: the progress database failed ({e}) — your answers are kept in memory and saved when it works again",
            "保存できませんでした: 進捗データベースのエラーです ({e})。回答はメモリーに保持し、書き込めるようになったら保存します",
        ),
        SaveFlushed => (
            "Saved {n} answers that were waiting",
            "保存を待っていた {n} 件の回答を保存しました",
        ),
        SaveFlushedOther => (
            "Saved the progress that was waiting",
            "保存を待っていた進捗を保存しました",
        ),
        ReasonFull => (
            "the disk is full",
            "ディスクがいっぱいです",
        ),
        ReasonDb => (
            "the database failed",
            "データベースのエラーです",
        ),
        QuitUnsaved => (
            "{n} answers are NOT saved yet ({reason}). y: quit and lose them · e: export them to a file and quit · any other key: stay",
            "まだ保存されていない回答が {n} 件あります ({reason})。y: 破棄して終了 · e: ファイルに書き出して終了 · その他のキー: 戻る",
        ),
        QuitExportTo => (
            "Export the waiting answers to (Enter writes the file and quits, Esc goes back):",
            "保存を待っている回答の書き出し先 (Enter で書き出して終了、Esc で戻る):",
        ),
        ExportDone => (
            "Wrote {n} waiting answers to {path}; bring them back with `iamdojo progress import {path}`",
            "保存を待っていた {n} 件の回答を {path} に書き出しました。`iamdojo progress import {path}` で取り込めます",
        ),
        ExportFailed => (
            "Could not write {path}: {e} — the answers are still waiting",
            "{path} に書き出せませんでした: {e}。回答はまだ保存を待っています",
        ),
    }
}

crate::catalog! {
    /// Strings only the plain (screen-reader) mode prints.
    pub enum Plain {
        HomePrompt => (
            "Choose a lesson number (c to continue, h for help, q to quit): ",
            "レッスンの番号を選んでください (c で続きから、h でヘルプ、q で終了): ",
        ),
        HomeNotDone => (
            "not done, {solved} of {all} exercises solved",
            "未完了、演習 {all} 問中 {solved} 問解答済み",
        ),
        Comma => (
            ", ",
            "、",
        ),
        HomeNoSuch => (
            "There is no lesson number {n}. Choose a number from the list.",
            "{n} 番のレッスンはありません。一覧の番号を選んでください。",
        ),
        HomeNothingToContinue => (
            "There is nothing to continue yet. Choose a lesson number.",
            "続きはまだありません。レッスンの番号を選んでください。",
        ),
        HomeLessonBroken => (
            "This lesson did not load: {e}",
            "このレッスンは読み込めませんでした: {e}",
        ),
        StepSolved => (
            ", solved",
            "、解答済み",
        ),
        ReadHow => (
            "Press Enter or type n for the next step.",
            "Enter を押すか n を入力すると次のステップに進みます。",
        ),
        QuizOne => (
            "Choose one answer: type its number.",
            "答えを 1 つ選び、その番号を入力してください。",
        ),
        QuizMany => (
            "Choose every correct answer: type their numbers, such as 1 3.",
            "正しいものをすべて選び、番号を入力してください (例: 1 3)。",
        ),
        QuizOneOnly => (
            "This question takes one answer: type one number.",
            "この問題の答えは 1 つです。番号を 1 つだけ入力してください。",
        ),
        QuizRange => (
            "Type numbers from 1 to {n}.",
            "1 から {n} までの番号を入力してください。",
        ),
        QuizRight => (
            "right",
            "正しい",
        ),
        QuizWrong => (
            "wrong",
            "誤り",
        ),
        PredictHow => (
            "Type 1, 2 or 3.",
            "1、2、3 のどれかを入力してください。",
        ),
        PredictDone => (
            "This prediction is already answered; type n for the next step.",
            "この予想は回答済みです。n で次のステップに進みます。",
        ),
        PolicyCurrent => (
            "The policy now:",
            "現在のポリシー:",
        ),
        PolicyHow => (
            "Type a new policy starting with {, and end it with a line holding only a period (.). \
         :file PATH checks a policy from a file; :check checks the policy shown.",
            "{ で始まる新しいポリシーを入力し、ピリオド (.) だけの行で終えてください。\
         「:file パス」でファイルのポリシーを、「:check」で表示中のポリシーをチェックします。",
        ),
        PolicyEmpty => (
            "The policy is empty; nothing was checked.",
            "ポリシーが空なので、チェックしませんでした。",
        ),
        PolicyTooLong => (
            "The policy is longer than {n} characters; nothing was checked.",
            "ポリシーが {n} 文字を超えているので、チェックしませんでした。",
        ),
        PolicyNoFile => (
            "Give a file after :file, such as :file policy.json.",
            ":file の後にファイルを指定してください (例: :file policy.json)。",
        ),
        PolicyFileError => (
            "Cannot read `{path}`: {e}",
            "「{path}」を読めません: {e}",
        ),
        PolicySolutionCheck => (
            "The solution is now the policy; :check checks it.",
            "解答がポリシーに入りました。:check でチェックできます。",
        ),
        PolicyLine => (
            "line",
            "行",
        ),
        PolicyAsExpected => (
            "as expected",
            "期待どおり",
        ),
        PolicyNotExpected => (
            "not as expected",
            "期待と違う",
        ),
        PolicyGot => (
            "got",
            "結果",
        ),
        ConsoleHow => (
            "Type AWS CLI commands at the aws> prompt; the goal is checked after each one.",
            "aws> プロンプトで AWS CLI コマンドを入力してください。コマンドごとにゴールを確認します。",
        ),
        InvHow => (
            "Look around with AWS CLI commands at the aws> prompt, then answer with :answer TEXT.",
            "aws> プロンプトで AWS CLI コマンドを使って調べ、「:answer 答え」で回答してください。",
        ),
        InvNoText => (
            "Type your answer after :answer, such as :answer MyAnswer.",
            ":answer の後に答えを入力してください (例: :answer 答え)。",
        ),
        ConsoleNoOutput => (
            "(no output)",
            "(出力なし)",
        ),
        GoalDone => (
            "done",
            "達成",
        ),
        GoalTodo => (
            "not yet",
            "未達成",
        ),
        HintNoMore => (
            "No more hints. s shows the solution (recorded as such).",
            "ヒントはもうありません。s で解答を表示します (記録されます)。",
        ),
        SolutionNone => (
            "This step has no solution to show.",
            "このステップには表示できる解答がありません。",
        ),
        StepFirst => (
            "This is the first step.",
            "これが最初のステップです。",
        ),
        StepLast => (
            "This is the last step. The lesson is complete once every exercise in it is solved.",
            "これが最後のステップです。すべての演習を解くとレッスン完了です。",
        ),
        LessonCompleteNext => (
            "Lesson complete — type n to see your results",
            "レッスン完了です — n で結果を表示します。",
        ),
        CompleteThen => (
            "Type c to go on with the next unfinished exercise, or the number of a lesson.",
            "c で次の未完了の演習に進みます。レッスンの番号でも開けます。",
        ),
        ResetNotHere => (
            "This step has nothing to restart.",
            "このステップにはやり直すものがありません。",
        ),
        LessonFinished => (
            "Lesson complete! Type b to go back to the lessons.",
            "レッスン完了です！ b でレッスン一覧に戻ります。",
        ),
        Unknown => (
            "Unknown command `{cmd}`. Type one of: {list}.",
            "「{cmd}」というコマンドはありません。次のどれかを入力してください: {list}。",
        ),
        HelpTitle => (
            "Commands you can type here:",
            "ここで入力できるコマンド:",
        ),
        Bye => (
            "Goodbye.",
            "終了します。",
        ),
        QuitUnsaved => (
            "{n} answers are NOT saved ({reason}). Type e to export them to {path} and quit, \
         another file path to export them there, y to quit and lose them, or n to stay: ",
            "保存されていない回答が {n} 件あります ({reason})。e で {path} に書き出して終了します。\
         別のファイルのパスを入力するとそこに書き出します。y で破棄して終了、n で戻ります: ",
        ),
        QuitLost => (
            "{n} answers were not saved.",
            "{n} 件の回答は保存されませんでした。",
        ),
        QuitStay => (
            "Staying; the answers are still waiting to be saved.",
            "終了しません。回答はまだ保存を待っています。",
        ),
    }
}

crate::catalog! {
    /// What each key of the keymap does, as the help overlay and the footer say it.
    pub enum Keys {
        Quit => (
            "quit",
            "終了",
        ),
        Help => (
            "show these keys",
            "キー一覧を表示",
        ),
        GlobalHelp => (
            "show these keys (also while typing)",
            "キー一覧を表示 (入力中も)",
        ),
        Language => (
            "switch English / 日本語",
            "表示言語 (English / 日本語) を切り替え",
        ),
        Theme => (
            "switch the colour theme",
            "配色を切り替え",
        ),
        Account => (
            "account explorer (in a sandbox exercise)",
            "アカウントエクスプローラー (サンドボックス演習で)",
        ),
        Explain => (
            "explain the last decision as a flowchart",
            "直前の判定をフローチャートで説明",
        ),
        Findings => (
            "audit findings of the sandbox account",
            "サンドボックスアカウントの監査結果",
        ),
        Dashboard => (
            "progress dashboard",
            "進捗ダッシュボード",
        ),
        Settings => (
            "settings: language, theme, learner",
            "設定: 言語・テーマ・学習者",
        ),
        Back => (
            "close (or leave the detail pane)",
            "閉じる (詳細から戻る)",
        ),
        /// The footer's word for Esc in a panel whose detail is open: the first Esc goes back
        /// to the list, the next one closes the panel.
        BackToList => (
            "back to the list",
            "一覧に戻る",
        ),
        Top => (
            "first row",
            "最初の行",
        ),
        Bottom => (
            "last row",
            "最後の行",
        ),
        Up => (
            "previous row (scroll in the detail pane)",
            "前の行 (詳細ではスクロール)",
        ),
        PanelUp => (
            "previous row",
            "前の行",
        ),
        Down => (
            "next row (scroll in the detail pane)",
            "次の行 (詳細ではスクロール)",
        ),
        PanelDown => (
            "next row",
            "次の行",
        ),
        /// Scrolls a panel's detail pane while the list keeps the cursor keys.
        DetailUp => (
            "scroll detail back",
            "詳細を上へ",
        ),
        /// Scrolls a panel's detail pane while the list keeps the cursor keys.
        DetailDown => (
            "scroll detail",
            "詳細を下へ",
        ),
        PageUp => (
            "page up",
            "前のページ",
        ),
        PageDown => (
            "page down",
            "次のページ",
        ),
        Enter => (
            "open: permissions of a principal, a policy document, a finding's detail; change a setting",
            "開く: プリンシパルの権限、ポリシードキュメント、検出結果の詳細 / 設定の変更",
        ),
        Focus => (
            "switch between the list and the detail pane",
            "一覧と詳細を切り替え",
        ),
        HomeUp => (
            "previous lesson",
            "前のレッスン",
        ),
        HomeDown => (
            "next lesson",
            "次のレッスン",
        ),
        HomeEnter => (
            "open the lesson",
            "レッスンを開く",
        ),
        Continue => (
            "continue (the next unfinished exercise)",
            "続きから (次の未完了の演習)",
        ),
        CompleteEnter => (
            "open the next lesson",
            "次のレッスンを開く",
        ),
        CompleteBack => (
            "back to the lessons",
            "レッスン一覧に戻る",
        ),
        Next => (
            "next step",
            "次のステップ",
        ),
        Prev => (
            "previous step",
            "前のステップ",
        ),
        LessonUp => (
            "move up / scroll",
            "上へ / スクロール",
        ),
        LessonDown => (
            "move down / scroll",
            "下へ / スクロール",
        ),
        LessonPageUp => (
            "scroll a page up",
            "1 ページ上へ",
        ),
        LessonPageDown => (
            "scroll a page down",
            "1 ページ下へ",
        ),
        Toggle => (
            "select / unselect a choice",
            "選択 / 解除",
        ),
        /// The help's editing keys while typing.
        HelpEditEnter => (
            "run the command / send the answer / new line in the policy editor",
            "コマンドを実行 / 回答を送信 / ポリシーエディターでは改行",
        ),
        HelpEditHomeEnd => (
            "go to the start / end of the line",
            "行頭 / 行末へ移動",
        ),
        HelpEditWords => (
            "go one word back / forward",
            "1 語前 / 1 語後へ移動",
        ),
        HelpEditKill => (
            "delete to the start / end of the line",
            "行頭まで / 行末まで削除",
        ),
        HelpEditWord => (
            "delete the word before the cursor",
            "カーソルの前の 1 語を削除",
        ),
        LessonEnter => (
            "answer / start typing / read on",
            "回答 / 入力を開始 / 続きを読む",
        ),
        Hint => (
            "show a hint",
            "ヒントを表示",
        ),
        Solution => (
            "show the solution (recorded)",
            "解答を表示 (記録されます)",
        ),
        Reset => (
            "restart this exercise (asks first)",
            "この演習をやり直す (確認あり)",
        ),
        HomeTop => (
            "first lesson",
            "最初のレッスン",
        ),
        HomeBottom => (
            "last lesson",
            "最後のレッスン",
        ),
        LessonTop => (
            "top of the page",
            "ページの先頭へ",
        ),
        LessonBottom => (
            "end of the page / newest console output",
            "ページの末尾 / コンソールの最新の出力へ",
        ),
        Expand => (
            "show the whole prompt (again: the exercise)",
            "問題文をすべて表示 (もう一度で演習に戻る)",
        ),
        LessonFocus => (
            "start typing",
            "入力を開始",
        ),
        TypingBack => (
            "stop typing",
            "入力を終える",
        ),
        Check => (
            "check the policy / submit",
            "ポリシーをチェック / 回答",
        ),
        /// The footer's word for Ctrl+S where the step has an answer box, not a policy.
        SubmitAnswer => (
            "submit the answer",
            "回答を送信",
        ),
        TypingFocus => (
            "console ⇄ answer field",
            "コンソール ⇄ 回答欄",
        ),
        /// Tab in a sandbox console.
        Complete => (
            "complete a command, flag or name (sandbox console)",
            "コマンド、フラグ、名前を補完 (サンドボックスのコンソール)",
        ),
        Undo => (
            "undo (policy editor)",
            "元に戻す (ポリシーエディター)",
        ),
        Redo => (
            "redo (policy editor)",
            "やり直す (ポリシーエディター)",
        ),
        TypingAccount => (
            "account explorer",
            "アカウントエクスプローラー",
        ),
        TypingExplain => (
            "explain the last denial",
            "直前の拒否を説明",
        ),
        TypingFindings => (
            "audit findings",
            "監査結果",
        ),
        TypingPageUp => (
            "scroll the console back",
            "コンソールをさかのぼる",
        ),
        TypingPageDown => (
            "scroll the console forward",
            "コンソールを進める",
        ),
        Glossary => (
            "glossary (this step's linked terms first)",
            "用語集 (このステップのリンク先の用語が先頭)",
        ),
        TypingGlossary => (
            "glossary (this step's linked terms first)",
            "用語集 (このステップのリンク先の用語が先頭)",
        ),
        Filter => (
            "filter the glossary (type, then Enter keeps it, Esc clears it)",
            "用語集を絞り込み (入力後、Enter で確定、Esc で解除)",
        ),
    }
}

crate::catalog! {
    /// What each command of the plain mode does, as its help lists them.
    pub enum Commands {
        HomeOpen => (
            "open the lesson with this number",
            "この番号のレッスンを開く",
        ),
        HomeContinue => (
            "continue where you left off",
            "前回の続きから",
        ),
        HomeList => (
            "show the list of lessons again",
            "レッスン一覧をもう一度表示",
        ),
        HomeHelp => (
            "list these commands",
            "このコマンド一覧を表示",
        ),
        ReadNext => (
            "next step",
            "次のステップ",
        ),
        QuizAnswer => (
            "answer with the numbers of your choices",
            "選んだ答えの番号で回答",
        ),
        PredictAnswer => (
            "answer: 1 allowed, 2 explicit deny, 3 implicit deny",
            "回答: 1 許可、2 明示的な拒否、3 暗黙的な拒否",
        ),
        PolicyPolicy => (
            "type a new policy; a line holding only . ends it and checks it",
            "新しいポリシーを入力 (. だけの行で終えるとチェック)",
        ),
        PolicyPolicyFile => (
            "check the policy in a file",
            "ファイルのポリシーをチェック",
        ),
        PolicyCheck => (
            "check the policy shown (for example after s)",
            "表示中のポリシーをチェック (s の後など)",
        ),
        ConsoleRun => (
            "run a command in the sandbox",
            "サンドボックスでコマンドを実行",
        ),
        InvestigateReply => (
            "give your answer",
            "答えを送信",
        ),
        LessonNext => (
            "next step (on the last one: complete the lesson)",
            "次のステップ (最後のステップではレッスン完了)",
        ),
        LessonPrev => (
            "previous step",
            "前のステップ",
        ),
        LessonHint => (
            "show a hint",
            "ヒントを表示",
        ),
        LessonSolution => (
            "show the solution (recorded as such)",
            "解答を表示 (記録されます)",
        ),
        LessonRepeat => (
            "show this step again",
            "このステップをもう一度表示",
        ),
        LessonReset => (
            "restart this exercise: the sandbox back to the scenario, the policy back to the starter (asks first)",
            "この演習をやり直す: サンドボックスはシナリオの状態に、ポリシーは最初の状態に戻る (確認あり)",
        ),
        LessonBack => (
            "back to the list of lessons",
            "レッスン一覧に戻る",
        ),
        AnywhereQuit => (
            "quit (asks first if answers could not be saved)",
            "終了 (保存できなかった回答があれば先に確認)",
        ),
        AnywhereGlossary => (
            "show the terms matching WORD in English and Japanese, with their AWS pages (without WORD: this step's terms, or the list)",
            "語句に一致する用語を英語と日本語で、AWS のページとともに表示 (語句なし: このステップの用語、または一覧)",
        ),
    }
}
