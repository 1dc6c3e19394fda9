//! Every string of the interface, in English and Japanese, in one table.

/// The interface languages (the crate's one [`crate::lang::Lang`]).
pub use crate::lang::Lang;

/// Every interface string, by key: (key, English, Japanese).
const STRINGS: &[(&str, &str, &str)] = &[
    (
        "app.title",
        "iamdojo — learn AWS IAM security",
        "iamdojo — AWS IAM セキュリティを学ぶ",
    ),
    ("home.packs", "Lessons", "レッスン"),
    (
        "home.continue",
        "Continue where you left off",
        "前回の続きから",
    ),
    ("home.broken", "broken", "読み込みエラー"),
    ("home.done", "done", "完了"),
    (
        "home.empty",
        "No lesson packs were found.",
        "レッスンパックが見つかりません。",
    ),
    (
        "home.notsaving",
        "Progress is not being saved",
        "進捗は保存されていません",
    ),
    ("home.learner", "Learner", "学習者"),
    ("lesson.step", "Step", "ステップ"),
    ("mode.normal", "NORMAL", "操作"),
    (
        "prompt.more",
        "▼ more: v shows the whole prompt",
        "▼ 続きがあります: v で問題文をすべて表示",
    ),
    ("prompt.less", "v: back to the exercise", "v: 演習に戻る"),
    ("home.minutes", "{n} min", "{n} 分"),
    ("policy.ctx_unset", "(not set)", "(なし)"),
    ("mode.typing", "TYPING", "入力"),
    ("footer.more", "more", "その他のキー"),
    ("lesson.of", "of", "/"),
    (
        "lesson.finished",
        "Lesson complete! Press Esc to go back to the lessons.",
        "レッスン完了です！ Esc でレッスン一覧に戻ります。",
    ),
    (
        "lesson.complete_next",
        "Lesson complete — n (Ctrl+N while typing) shows what you learned",
        "レッスン完了です — n (入力中は Ctrl+N) で学んだことを表示します",
    ),
    (
        "lesson.unsolved",
        "The lesson is not complete yet: solve step {list} first",
        "レッスンはまだ完了していません。先にステップ {list} を解いてください",
    ),
    ("complete.title", "Lesson complete", "レッスン完了"),
    (
        "complete.exercises",
        "Exercises solved: {s} of {n}",
        "解いた演習: {n} 問中 {s} 問",
    ),
    (
        "complete.aids",
        "Hints used: {h} · Solutions shown: {k}",
        "使ったヒント: {h} · 表示した解答: {k}",
    ),
    (
        "complete.next",
        "Next lesson: {title} — Enter opens it, Esc goes back to the lessons",
        "次のレッスン: {title} — Enter で開きます。Esc でレッスン一覧に戻ります",
    ),
    (
        "complete.last",
        "That was the last lesson. Esc goes back to the lessons.",
        "これが最後のレッスンでした。Esc でレッスン一覧に戻ります。",
    ),
    ("home.count", "{s}/{n} exercises", "演習 {s}/{n}"),
    (
        "home.all_done",
        "Everything is done: every exercise of every lesson is solved",
        "すべて完了しました。すべてのレッスンの演習を解きました",
    ),
    (
        "reset.ask",
        "Restart this exercise from its start? The sandbox goes back to the scenario, the editor to the starter policy. (y/n)",
        "この演習を最初からやり直しますか？ サンドボックスはシナリオの状態に、エディターは最初のポリシーに戻ります。(y/n)",
    ),
    (
        "reset.done",
        "Restarted: this exercise is back at its start.",
        "やり直します。この演習を最初の状態に戻しました。",
    ),
    ("reset.kept", "Not restarted.", "やり直しませんでした。"),
    (
        "ex.solved_before",
        "You solved this before; here it is again from its start.",
        "この演習は解答済みです。最初の状態からもう一度表示しています。",
    ),
    ("ex.correct", "Correct!", "正解です！"),
    (
        "ex.wrong",
        "Not yet. Try again, or ask for a hint.",
        "まだです。もう一度試すか、ヒントを見てください。",
    ),
    ("ex.hint", "Hint", "ヒント"),
    ("ex.solution", "Solution", "解答"),
    (
        "ex.solution_shown",
        "Solution shown (recorded as such).",
        "解答を表示しました (記録されます)。",
    ),
    ("ex.explain", "Why it matters", "ポイント"),
    (
        "quiz.pick_one",
        "Pick one answer, then press Enter.",
        "答えを 1 つ選んで Enter を押してください。",
    ),
    (
        "quiz.pick_all",
        "Pick every correct answer (Space), then press Enter.",
        "正しいものをすべて選び (Space)、Enter を押してください。",
    ),
    (
        "predict.question",
        "What does IAM decide?",
        "IAM はどう判断するでしょうか？",
    ),
    ("predict.allowed", "Allowed", "許可 (allowed)"),
    (
        "predict.explicit",
        "Explicit deny",
        "明示的な拒否 (explicitDeny)",
    ),
    (
        "predict.implicit",
        "Implicit deny",
        "暗黙的な拒否 (implicitDeny)",
    ),
    (
        "predict.wrong",
        "That is not what IAM decides. Pick another answer and press Enter, or press s to see IAM's answer (recorded as shown).",
        "IAM の判定とは異なります。別の答えを選んで Enter を押すか、s を押して IAM の答えを表示してください (表示したことは記録されます)。",
    ),
    (
        "predict.flowchart",
        "Press E to see this decision as AWS's evaluation flowchart.",
        "E を押すと、この判定を AWS の評価フローチャートで見られます。",
    ),
    (
        "predict.evaluator",
        "The evaluator's answer",
        "評価エンジンの答え",
    ),
    (
        "policy.editor",
        "Policy (Ctrl+S to check)",
        "ポリシー (Ctrl+S でチェック)",
    ),
    (
        "policy.findings",
        "validate-policy findings",
        "validate-policy の検出結果",
    ),
    ("policy.expect", "Expected requests", "期待されるリクエスト"),
    ("policy.none", "No findings.", "検出結果はありません。"),
    ("policy.should_allow", "should be allowed", "許可されるべき"),
    ("policy.should_deny", "should be denied", "拒否されるべき"),
    (
        "task.console",
        "Sandbox (type aws commands, Enter runs)",
        "サンドボックス (aws コマンドを入力して Enter)",
    ),
    ("task.console_short", "Sandbox", "サンドボックス"),
    ("task.goal", "Goal", "ゴール"),
    ("task.as", "You are", "現在の ID"),
    (
        "inv.answer",
        "Your answer (Tab to switch, Enter to submit)",
        "あなたの答え (Tab で切り替え、Enter で回答)",
    ),
    ("help.title", "Keys", "キー操作"),
    (
        "help.keys",
        "Change keys in keys.yaml in iamdojo's config folder (see the README).",
        "キーは iamdojo の設定フォルダーにある keys.yaml で変更できます (README を参照)。",
    ),
    (
        "help.close",
        "↑/↓ scroll; any other key closes.",
        "↑/↓ でスクロール、ほかのキーで閉じます。",
    ),
    (
        "small.terminal",
        "The terminal is too small: iamdojo needs at least 80×24. Enlarge the window.",
        "端末が小さすぎます。iamdojo には 80×24 以上が必要です。ウィンドウを広げてください。",
    ),
    (
        "quit.confirm",
        "Quit with unsaved work in this exercise? (y/n)",
        "この演習の作業は保存されていません。終了しますか？ (y/n)",
    ),
    ("status.saved", "Saved", "保存しました"),
    (
        "save.full",
        "Not saved: the disk is full — your answers are kept in memory and saved when space is back",
        "保存できませんでした: ディスクがいっぱいです。回答はメモリーに保持し、空きができたら保存します",
    ),
    (
        "save.failed",
        "Not saved: the progress database failed ({e}) — your answers are kept in memory and saved when it works again",
        "保存できませんでした: 進捗データベースのエラーです ({e})。回答はメモリーに保持し、書き込めるようになったら保存します",
    ),
    (
        "save.flushed",
        "Saved {n} answers that were waiting",
        "保存を待っていた {n} 件の回答を保存しました",
    ),
    (
        "save.flushed_other",
        "Saved the progress that was waiting",
        "保存を待っていた進捗を保存しました",
    ),
    ("reason.full", "the disk is full", "ディスクがいっぱいです"),
    (
        "reason.db",
        "the database failed",
        "データベースのエラーです",
    ),
    (
        "quit.unsaved",
        "{n} answers are NOT saved yet ({reason}). y: quit and lose them · e: export them to a file and quit · any other key: stay",
        "まだ保存されていない回答が {n} 件あります ({reason})。y: 破棄して終了 · e: ファイルに書き出して終了 · その他のキー: 戻る",
    ),
    (
        "quit.export_to",
        "Export the waiting answers to (Enter writes the file and quits, Esc goes back):",
        "保存を待っている回答の書き出し先 (Enter で書き出して終了、Esc で戻る):",
    ),
    (
        "export.done",
        "Wrote {n} waiting answers to {path}; bring them back with `iamdojo progress import {path}`",
        "保存を待っていた {n} 件の回答を {path} に書き出しました。`iamdojo progress import {path}` で取り込めます",
    ),
    (
        "export.failed",
        "Could not write {path}: {e} — the answers are still waiting",
        "{path} に書き出せませんでした: {e}。回答はまだ保存を待っています",
    ),
];

/// The string for `key` in `lang` (the key itself if missing, so a gap is visible).
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    lookup(STRINGS, lang, key)
}

/// `key`'s text in `lang` from a (key, English, Japanese) table; the key itself when missing.
pub fn lookup(
    table: &'static [(&'static str, &'static str, &'static str)],
    lang: Lang,
    key: &'static str,
) -> &'static str {
    table
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, en, ja)| if lang == Lang::Ja { *ja } else { *en })
        .unwrap_or(key)
}

/// Every key (for the test that no string is missing a translation).
pub fn keys() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    STRINGS.iter().copied()
}

/// What AWS's own error codes mean, for a Japanese gloss line under the error: AWS sends its
/// messages in English, and the console shows them as sent.
const AWS_ERRORS: &[(&str, &str)] = &[
    (
        "AccessDenied",
        "アクセスが拒否されました。許可するポリシーがないか、明示的な拒否があります。理由は `explain` で確認できます。",
    ),
    (
        "UnauthorizedOperation",
        "この操作は許可されていません。理由は `explain` で確認できます。",
    ),
    (
        "NoSuchEntity",
        "指定したもの (ユーザー、グループ、ロール、ポリシーなど) が存在しません。名前を確認してください。",
    ),
    ("EntityAlreadyExists", "同じ名前のものがすでに存在します。"),
    (
        "DeleteConflict",
        "まだ関連付けられているものがあるため削除できません (アタッチされたポリシー、グループのメンバー、アクセスキーなど)。先に外してください。",
    ),
    ("LimitExceeded", "クォータ (上限) を超えています。"),
    (
        "MalformedPolicyDocument",
        "ポリシードキュメントの書き方が正しくありません。",
    ),
    ("MalformedPolicy", "ポリシーの書き方が正しくありません。"),
    ("InvalidInput", "入力値が正しくありません。"),
    ("ValidationError", "入力値がチェックを通りませんでした。"),
    (
        "InvalidParameterValue",
        "パラメーターの値が正しくありません。",
    ),
    ("NoSuchBucket", "指定したバケットが存在しません。"),
    (
        "NoSuchBucketPolicy",
        "このバケットにはバケットポリシーがありません。",
    ),
    ("NoSuchKey", "指定したオブジェクトが存在しません。"),
    ("InvalidBucketName", "バケット名の規則に合っていません。"),
];

/// The Japanese gloss of the AWS error on a console line (`An error occurred (CODE) when
/// calling …`, or the CLI's own `aws: error: …`), if it is one this table knows.
pub fn aws_error_gloss(line: &str) -> Option<&'static str> {
    if line.starts_with("aws: error:") {
        return Some(
            "コマンドの書き方が正しくありません。Tab キーでコマンドとオプションの候補を確認できます。",
        );
    }
    let code = line
        .strip_prefix("An error occurred (")?
        .split(')')
        .next()?;
    AWS_ERRORS.iter().find(|(c, _)| *c == code).map(|(_, g)| *g)
}
