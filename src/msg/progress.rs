//! The strings of learner progress: `progress show`, export, import and reset, the class
//! report (text and HTML), the interface's progress dashboard, the dates and durations they
//! show, and progress's errors and notices. Field names of the JSON, CSV and export formats
//! are not here: they are a file format and stay English.

crate::catalog! {
    /// Strings of learner progress and of the class report.
    pub enum Progress {
        // ---- dates and durations ----
        /// A date and time shown to a person (`progress::render::date_time`): an unambiguous
        /// English order, and Japanese's own. `{month}` is one of the `Month*` entries,
        /// `{time}` is `HH:MM` on a 24-hour clock.
        DateTime => ("{day} {month} {year} {time}", "{year}年{month}月{day}日 {time}"),
        /// Japanese names a month by its number (`12月`), English by its abbreviation.
        MonthJan => ("Jan", "1"),
        MonthFeb => ("Feb", "2"),
        MonthMar => ("Mar", "3"),
        MonthApr => ("Apr", "4"),
        MonthMay => ("May", "5"),
        MonthJun => ("Jun", "6"),
        MonthJul => ("Jul", "7"),
        MonthAug => ("Aug", "8"),
        MonthSep => ("Sep", "9"),
        MonthOct => ("Oct", "10"),
        MonthNov => ("Nov", "11"),
        MonthDec => ("Dec", "12"),
        /// A duration of an hour or more; `{mm}` has two digits.
        Hours => ("{h}h {mm}m", "{h} 時間 {mm} 分"),
        /// A duration of a minute or more; `{ss}` has two digits.
        Minutes => ("{m}m {ss}s", "{m} 分 {ss} 秒"),
        /// A duration under a minute.
        Seconds => ("{s}s", "{s} 秒"),
        /// How time is counted (`progress::active`), after every output that shows times.
        TimeNote => (
            "time: from an exercise shown to its answers, each moment counted once ({idle})",
            "時間: 演習を表示してから解答するまでの時間です。重なった時間は 1 回分として数えます ({idle})",
        ),
        /// The idle cap, in minutes (`progress::active::IDLE_CAP_MS`).
        IdleNote => (
            "a pause counts at most {min} min",
            "操作のない時間は 1 回につき最大 {min} 分まで数えます",
        ),

        // ---- counted things (one / many) ----
        LearnersOne => ("{n} learner", "学習者 {n} 人"),
        LearnersMany => ("{n} learners", "学習者 {n} 人"),
        LessonsOne => ("{n} lesson", "レッスン {n} 個"),
        LessonsMany => ("{n} lessons", "レッスン {n} 個"),
        LessonsStartedOne => ("{n} lesson started", "開始したレッスン {n} 個"),
        LessonsStartedMany => ("{n} lessons started", "開始したレッスン {n} 個"),
        AnswersOne => ("{n} answer", "解答 {n} 件"),
        AnswersMany => ("{n} answers", "解答 {n} 件"),
        FinishedLessonsOne => ("{n} finished lesson", "完了したレッスン {n} 個"),
        FinishedLessonsMany => ("{n} finished lessons", "完了したレッスン {n} 個"),
        CommandsOne => ("{n} sandbox command", "サンドボックスのコマンド {n} 件"),
        CommandsMany => ("{n} sandbox commands", "サンドボックスのコマンド {n} 件"),
        SettingsOne => ("{n} setting", "設定 {n} 件"),
        SettingsMany => ("{n} settings", "設定 {n} 件"),
        FilesOne => ("{n} file", "ファイル {n} 件"),
        FilesMany => ("{n} files", "ファイル {n} 件"),
        HintsOne => ("{n} hint", "ヒント {n}"),
        HintsMany => ("{n} hints", "ヒント {n}"),
        LessonsCompletedOne => ("{n} lesson completed", "完了 {n}"),
        LessonsCompletedMany => ("{n} lessons completed", "完了 {n}"),
        /// Between the items of a list in a sentence.
        ListJoin => (", ", "、"),
        /// `{n}` of `{total}` learners.
        OfLearners => ("{n} of {total}", "{total} 人中 {n} 人"),

        // ---- column headings (text tables and HTML) ----
        ColFinished => ("finished", "完了"),
        ColAnswers => ("answers", "解答"),
        ColCorrect => ("correct", "正答"),
        ColSolved => ("exercises solved", "解いた問題"),
        ColHints => ("hints", "ヒント"),
        ColTime => ("time", "時間"),
        ColLesson => ("lesson", "レッスン"),
        ColRate => ("rate", "完了率"),
        ColStarted => ("started", "開始"),
        ColExercises => ("exercises", "問題数"),
        ColMedian => ("median time", "時間の中央値"),
        ColLastAnswer => ("last answer", "最後の解答"),
        ColLearner => ("learner", "学習者"),
        ColLearners => ("learners", "学習者"),
        ColWrong => ("wrong", "誤答"),
        ColWrongAnswers => ("wrong answers", "誤答数"),
        ColLearnersWrong => ("learners wrong", "間違えた学習者"),
        ColNeverSolved => ("never solved", "正解なし"),
        ColTimes => ("times", "回数"),
        ColStep => ("step", "ステップ"),
        ColAnswer => ("answer", "解答"),
        ColLessonStep => ("lesson / step", "レッスン / ステップ"),
        ColLessonStepAnswer => ("lesson / step: answer", "レッスン / ステップ: 解答"),

        // ---- progress show ----
        ShowNoProgress => (
            "no progress yet for learner `{name}`",
            "学習者 `{name}` の進捗はまだありません。",
        ),
        ShowOthers => (
            "other learners here (use --learner NAME): {names}",
            "ほかの学習者 (--learner NAME で切り替えます): {names}",
        ),
        ShowLearner => ("learner `{name}`: progress {place}", "学習者 `{name}` の進捗 ({place})"),
        ShowSavedIn => ("saved in `{path}`", "保存先: `{path}`"),
        ShowNotSaved => (
            "NOT being saved (see the warning above)",
            "保存されていません。上の警告を確認してください",
        ),
        ShowLastPosition => (
            "last position: {pack} / {lesson} / step {step} ({when})",
            "前回の位置: {pack} / {lesson} / ステップ {step} ({when})",
        ),
        ShowNoAnswers => ("no answers yet", "まだ解答がありません。"),
        /// One pack's totals; `{started}` is a `LessonsStarted*` entry, `{answers}` an
        /// `Answers*` one.
        ShowPack => (
            "{pack}: {started}, {finished} finished; {answers} ({correct} correct); {time}",
            "{pack}: {started}、うち完了 {finished} 個。{answers} (正答 {correct} 件)。時間 {time}",
        ),
        /// A finished lesson in the `finished` column.
        ShowYes => ("yes", "済み"),
        ShowUnknownNote => (
            "?: a lesson not in the loaded packs (shown by id; load its pack with --pack DIR)",
            "?: 読み込んだパックにないレッスンです (ID で表示しています。そのパックは --pack DIR で読み込めます)",
        ),

        // ---- the commands' messages ----
        /// Before a warning on standard error.
        Warning => ("warning", "警告"),
        PackNotUsed => ("pack not used: {problem}", "次のパックは使いません: {problem}"),
        LangUnknown => (
            "--lang: `{value}` is not a language iamdojo speaks (en or ja)",
            "--lang: `{value}` には対応していません (en または ja を指定してください)",
        ),
        ExportNoProgress => (
            "learner `{name}` has no progress yet; the export holds none",
            "学習者 `{name}` にはまだ進捗がないため、空のエクスポートを書き出します。",
        ),
        ExportNoProgressNear => (
            "learner `{name}` has no progress yet; the export holds none; did you mean `{near}`?",
            "学習者 `{name}` にはまだ進捗がないため、空のエクスポートを書き出します。`{near}` の間違いではありませんか。",
        ),
        ExportWrote => (
            "wrote the progress of learner `{name}` ({answers}, {finished}) to `{path}`",
            "学習者 `{name}` の進捗 ({answers}、{finished}) を `{path}` に書き出しました。",
        ),
        CannotWrite => ("cannot write `{path}`: {error}", "`{path}` に書き込めません: {error}"),
        ImportNotSaving => (
            "nothing was imported: progress cannot be saved here ({reason})",
            "何も取り込みませんでした。ここでは進捗を保存できません ({reason})。",
        ),
        ImportNothingNew => (
            "nothing new: everything in `{file}` was already in learner `{learner}`",
            "新しい記録はありません。`{file}` の内容はすべて学習者 `{learner}` に取り込み済みです。",
        ),
        Imported => (
            "imported into learner `{learner}`: {parts}",
            "学習者 `{learner}` に取り込みました: {parts}",
        ),
        ImportedNew => (
            "imported into learner `{learner}` (new profile): {parts}",
            "学習者 `{learner}` (新しいプロファイル) に取り込みました: {parts}",
        ),
        LastPositionPart => ("the last position", "前回の位置"),
        ResetNotSaving => (
            "nothing was reset: progress cannot be saved here ({reason})",
            "何もリセットしませんでした。ここでは進捗を保存できません ({reason})。",
        ),
        ResetAll => ("all progress of learner `{name}`", "学習者 `{name}` のすべての進捗"),
        ResetPack => (
            "the progress of learner `{name}` in pack `{pack}`",
            "パック `{pack}` での学習者 `{name}` の進捗",
        ),
        ResetEmpty => (
            "nothing to reset: {what} is already empty",
            "リセットするものはありません。{what}はすでに空です。",
        ),
        ResetRefused => (
            "refusing to erase {what} without confirmation: run it in a terminal, or add --yes",
            "確認なしでは{what}を消去しません。ターミナルで実行するか、--yes を付けてください。",
        ),
        /// The confirmation question, on standard error, before the answer is read.
        ResetAsk => (
            "erase {what} ({counts})? This cannot be undone; `iamdojo progress export --out FILE` keeps a copy. [y/N] ",
            "{what} ({counts}) を消去しますか？ 元に戻すことはできません。コピーは `iamdojo progress export --out FILE` で残せます。 (y/N) ",
        ),
        CannotReadAnswer => ("cannot read the answer: {error}", "回答を読み取れません: {error}"),
        NotReset => ("not reset", "リセットしませんでした。"),
        Erased => ("erased {what}: {counts}", "{what}を消去しました: {counts}"),

        // ---- class report: the command ----
        ClassCannotReadFolder => (
            "cannot read the folder `{path}`: {error}",
            "フォルダー `{path}` を読み取れません: {error}",
        ),
        ClassEmptyFolder => (
            "the folder `{path}` holds no *.json export files",
            "フォルダー `{path}` にエクスポートファイル (*.json) がありません。",
        ),
        ClassSkipped => ("skipped {problem}", "読み取れないファイルを飛ばしました: {problem}"),
        ClassNoReadable => (
            "no readable progress export among the files given",
            "指定したファイルに、読み取れる進捗のエクスポートがありません。",
        ),
        ClassWrote => (
            "wrote the report on {learners} from {files} to `{path}`",
            "{files}から{learners}のレポートを `{path}` に書き出しました。",
        ),
        ClassUnread => (
            "{failed} of {total} files could not be read",
            "{total} 件中 {failed} 件のファイルを読み取れませんでした。",
        ),

        // ---- class report: text ----
        ReportTitle => ("Class report: {learners}, {lessons}", "クラスレポート: {learners}、{lessons}"),
        ReportLessons => ("Lessons", "レッスン"),
        ReportUnknownNote => (
            "? = a lesson not in the loaded packs",
            "? = 読み込んだパックにないレッスン",
        ),
        /// `{done}` is the `Done` entry.
        ReportGrid => (
            "Learners × lessons ({done} = finished, s/e = exercises solved / the lesson's exercises, - = not started)",
            "学習者 × レッスン ({done} = 完了、s/e = 解いた問題 / レッスンの問題数、- = 未着手)",
        ),
        /// A finished lesson in the learners × lessons grid.
        Done => ("done", "済"),
        ReportFailed => ("Exercises most often failed", "間違いの多い問題"),
        ReportWrongAnswers => ("Most common wrong answers", "よくある誤答"),

        // ---- class report: HTML ----
        HtmlTitle => ("iamdojo class report", "iamdojo クラスレポート"),
        HtmlHeading => ("Class report", "クラスレポート"),
        HtmlSummary => (
            "{learners} · {lessons} · made by iamdojo {version}",
            "{learners} · {lessons} · iamdojo {version} で作成",
        ),
        HtmlNoLearners => (
            "No learner progress was found in the files given.",
            "指定したファイルに学習者の進捗はありませんでした。",
        ),
        HtmlCompletion => ("Completion by lesson", "レッスンごとの完了率"),
        HtmlCompletionChart => (
            "Share of learners who finished each lesson",
            "各レッスンを完了した学習者の割合",
        ),
        HtmlMedian => ("Median time to finish", "完了までの時間 (中央値)"),
        HtmlMedianChart => (
            "Median time spent by the learners who finished each lesson",
            "各レッスンを完了した学習者がかけた時間の中央値",
        ),
        HtmlNoOneFinished => ("no one finished", "完了者なし"),
        HtmlGrid => ("Learners × lessons", "学習者 × レッスン"),
        HtmlLegendDone => ("✓ finished", "✓ 完了"),
        HtmlLegendPart => (
            "exercises solved / the lesson's exercises",
            "解いた問題 / レッスンの問題数",
        ),
        HtmlLegendNone => ("– not started", "– 未着手"),
        /// The tooltip of one learner's cell of one lesson.
        HtmlTip => (
            "{learner} in {lesson}: {solved} exercises solved of {exercises}, {correct} of {attempts} answers correct, {hints}, {time}",
            "{learner} / {lesson}: {exercises} 問中 {solved} 問を解答、{attempts} 件中 {correct} 件が正答、{hints}、{time}",
        ),
        HtmlNoWrong => ("No wrong answers.", "間違った解答はありません。"),

        // ---- the interface's progress dashboard ----
        PanelTitle => (" Progress ", " 進捗 "),
        PanelNotSaving => (
            "Progress is not being saved, so there is nothing to show.",
            "進捗が保存されていないため、表示するものがありません。",
        ),
        PanelSolved => ("{solved}/{total} exercises solved", "{total} 問中 {solved} 問を正解"),
        /// One pack's totals; `{completed}` is a `LessonsCompleted*` entry, `{answers}` an
        /// `Answers*` one.
        PanelPack => (
            "{pack}: {completed} · {started} started · {answers}, {correct} right · {time}",
            "{pack}: {completed} · 開始 {started} · {answers} (正答 {correct} 件) · {time}",
        ),
        /// One lesson's figures after its bar; `{hints}` is a `Hints*` entry, `{answers}` an
        /// `Answers*` one.
        PanelLesson => (
            "{solved}/{of} exercises · {answers}, {correct} right · {hints} · {time}",
            "{solved}/{of} 問 · {answers} (正答 {correct} 件) · {hints} · {time}",
        ),
        /// Under a pack's totals: its lesson finished last.
        PanelLastFinished => (
            "last finished: {lesson}, {when}",
            "最後に完了したレッスン: {lesson} ({when})",
        ),
        PanelChart => (" Right/all answers, L1… as listed ", " 正答/解答 (L1… は一覧の番号) "),
        PanelNoAnswers => (
            "No answers yet. Open a lesson from the list to begin.",
            "まだ解答がありません。一覧からレッスンを開いて始めましょう。",
        ),
        PanelLessons => (" Lessons ", " レッスン "),

        // ---- errors ----
        ErrNewerSchema => (
            "the progress database `{path}` uses progress schema version {found}, but this iamdojo ({version}) reads versions up to {supported}: install {needed} to open it (the file was left untouched)",
            "進捗データベース `{path}` は進捗スキーマのバージョン {found} を使っていますが、この iamdojo ({version}) が読めるのはバージョン {supported} までです。開くには {needed} をインストールしてください (ファイルは変更していません)。",
        ),
        NeededVersion => ("iamdojo {version} or later", "iamdojo {version} 以降"),
        NeededSchema => (
            "an iamdojo that reads progress schema version {found}",
            "進捗スキーマのバージョン {found} を読める iamdojo",
        ),
        /// `{doing}` is one of the `Do*` entries.
        ErrDatabase => (
            "cannot {doing} in the progress database `{place}`: {error}",
            "進捗データベース `{place}` で次の操作ができません ({doing}): {error}",
        ),
        /// The place of an in-memory database in `ErrDatabase`.
        Memory => ("memory", "メモリー"),
        ErrNoDataDir => (
            "cannot find a data directory on this system (no home directory?): pass --data-dir DIR or set IAMDOJO_DATA_DIR",
            "このシステムではデータディレクトリが見つかりません (ホームディレクトリがない可能性があります)。--data-dir DIR を指定するか、IAMDOJO_DATA_DIR を設定してください。",
        ),
        NoLearner => ("there is no learner `{name}` here", "学習者 `{name}` はここにいません。"),
        NoLearnerNear => (
            "there is no learner `{name}` here; did you mean `{near}`?",
            "学習者 `{name}` はここにいません。`{near}` の間違いではありませんか。",
        ),
        LearnersHere => ("learners here: {names}", "ここにいる学習者: {names}"),
        NoneSavedHere => (
            "no progress has been saved in this data directory yet",
            "このデータディレクトリには、まだ進捗が保存されていません。",
        ),
        /// A sentence and what follows it (`NoLearner` and `LearnersHere`).
        TwoParts => ("{first}; {second}", "{first}{second}"),
        ExportJson => ("line {line} column {column}: {message}", "{line} 行 {column} 列: {message}"),
        NotAnExportNoFormat => (
            "this is not an iamdojo progress export (it has no `\"format\": \"iamdojo-progress\"`); make one with `iamdojo progress export`",
            "iamdojo の進捗のエクスポートではありません (`\"format\": \"iamdojo-progress\"` がありません)。エクスポートは `iamdojo progress export` で作成します。",
        ),
        NotAnExportFormat => (
            "this is not an iamdojo progress export (its `format` is `{found}`, not `iamdojo-progress`); make one with `iamdojo progress export`",
            "iamdojo の進捗のエクスポートではありません (`format` が `iamdojo-progress` ではなく `{found}` です)。エクスポートは `iamdojo progress export` で作成します。",
        ),
        NewerFormat => (
            "this export uses progress export format {found}, but this iamdojo reads formats up to {supported}: install a newer iamdojo to read it",
            "このエクスポートは進捗エクスポート形式 {found} を使っていますが、この iamdojo が読めるのは形式 {supported} までです。読むには新しい iamdojo をインストールしてください。",
        ),
        BadTimestamp => (
            "`{value}` is not a timestamp (write RFC 3339, e.g. `2026-11-29T10:00:00Z`)",
            "`{value}` はタイムスタンプではありません (RFC 3339 で書きます。例: `2026-11-29T10:00:00Z`)",
        ),

        // ---- notices on opening the store, and why it cannot save ----
        MovedAside => (
            "the progress database `{path}` was damaged ({problem}); it was moved aside to `{backup}` (nothing was deleted) and a new one was started. Progress exported earlier can be brought back with `iamdojo progress import FILE`",
            "進捗データベース `{path}` が壊れていました ({problem})。`{backup}` に移動し (何も削除していません)、新しいデータベースを作成しました。以前にエクスポートした進捗は `iamdojo progress import FILE` で戻せます。",
        ),
        NotSaving => (
            "progress is NOT being saved: {problem}. iamdojo keeps working, but what you do now is lost when it exits; use --data-dir DIR or IAMDOJO_DATA_DIR to pick a writable directory",
            "進捗は保存されていません: {problem}。iamdojo はこのまま使えますが、終了すると今回の進捗は失われます。書き込めるディレクトリを --data-dir DIR または IAMDOJO_DATA_DIR で指定してください。",
        ),
        NotSavingShown => (
            "progress is NOT being saved: {problem}. iamdojo keeps working, but what you do now is lost when it exits; use --data-dir DIR or IAMDOJO_DATA_DIR to pick a writable directory (progress already in `{path}` is shown)",
            "進捗は保存されていません: {problem}。iamdojo はこのまま使えますが、終了すると今回の進捗は失われます。書き込めるディレクトリを --data-dir DIR または IAMDOJO_DATA_DIR で指定してください (`{path}` に保存済みの進捗は表示されます)。",
        ),
        ProblemCreateDir => (
            "cannot create the data directory `{dir}`: {error}",
            "データディレクトリ `{dir}` を作成できません: {error}",
        ),
        ProblemNoWal => (
            "the database cannot use write-ahead logging (journal mode `{mode}`)",
            "データベースで先行書き込みログ (WAL) を使えません (ジャーナルモード `{mode}`)",
        ),
        ProblemNotMovedAside => (
            "`{path}` is damaged ({damage}) and could not be moved aside ({error})",
            "`{path}` は壊れていて ({damage})、移動もできませんでした ({error})",
        ),
        ProblemCannotStart => (
            "cannot start a new database at `{path}`: {error}",
            "`{path}` に新しいデータベースを作成できません: {error}",
        ),

        // ---- what a failed database operation was doing (`ErrDatabase`) ----
        DoOpen => ("open", "オープン"),
        DoSetUp => ("set up", "初期化"),
        DoListLearners => ("list the learners", "学習者の一覧の取得"),
        DoReadLearner => ("read the learner", "学習者の読み取り"),
        DoCreateLearner => ("create the learner", "学習者の作成"),
        DoSaveAttempt => ("save the attempt", "解答の保存"),
        DoSaveCompletion => ("save the completion", "完了の記録"),
        DoSaveCommand => ("save the command", "コマンドの保存"),
        DoSavePack => ("save the pack version", "パックのバージョンの保存"),
        DoSavePosition => ("save the position", "位置の保存"),
        DoSaveSetting => ("save the setting", "設定の保存"),
        DoReadSetting => ("read the setting", "設定の読み取り"),
        DoReadSettings => ("read the settings", "設定の一覧の読み取り"),
        DoReadPosition => ("read the position", "位置の読み取り"),
        DoReadDashboard => ("read the dashboard", "ダッシュボードの読み取り"),
        DoReadSteps => ("read the lesson's steps", "レッスンのステップの読み取り"),
        DoReadAttempts => ("read the attempts", "解答の読み取り"),
        DoReadCompletions => ("read the completions", "完了記録の読み取り"),
        DoReadCommands => ("read the commands", "コマンドの読み取り"),
        DoReadPacks => ("read the packs seen", "開いたパックの読み取り"),
        DoReadProgress => ("read the learner's progress", "学習者の進捗の読み取り"),
        DoImport => ("import the progress", "進捗の取り込み"),
        DoReset => ("reset the progress", "進捗のリセット"),
        DoCount => ("count the progress", "進捗の集計"),
        DoJoinClass => ("save the class joined", "参加したクラスの保存"),
        DoReadClass => ("read the class joined", "参加したクラスの読み取り"),
        DoReadOutbox => ("read the answers waiting for the class", "クラスへの送信を待つ解答の読み取り"),
        DoClearOutbox => ("mark answers as delivered to the class", "クラスへ届いた解答の記録"),
    }
}
