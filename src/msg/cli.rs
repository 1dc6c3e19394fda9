//! What the binary says at its edges, in the reader's language: the top-level messages of
//! `cli` (a missing terminal, a standard output that cannot be written), the terminal errors
//! of `tui`, and the `iamdojo sandbox` shell's own text (its banner, `help` and errors).
//!
//! Not here: clap's `--help` and usage errors, which stay English as the AWS CLI's do; the
//! commands, services and flags the text names; and what the simulated AWS CLI prints, which
//! stays AWS's English (`msg::sandbox` has the sandbox's own messages inside the shell).

crate::catalog! {
    /// The binary's own messages at its edges.
    pub enum Cli {
        // The top level (after `iamdojo: `).
        NeedsTerminal => (
            "the course needs a terminal; use --plain for a line-by-line mode, or a subcommand for scripts (see `iamdojo --help`)",
            "コースを表示するには端末が必要です。1 行ずつ読み書きするモードには --plain を、スクリプトにはサブコマンドを使ってください (「iamdojo --help」を参照)。",
        ),
        /// `{error}` is the operating system's.
        CannotWriteOut => (
            "cannot write to standard output: {error}",
            "標準出力に書き込めません: {error}",
        ),
        /// The plain mode's, where the operating system's error is not kept.
        CannotWriteOutPlain => (
            "cannot write to standard output",
            "標準出力に書き込めません。",
        ),
        /// The word before a warning of an imported file (`iamdojo: warning: …`).
        Warning => ("warning", "警告"),

        // The terminal interface (after `iamdojo: `; `{error}` is the terminal library's).
        CannotSetUpTerminal => (
            "cannot set up the terminal: {error}",
            "端末を準備できません: {error}",
        ),
        CannotDraw => (
            "cannot draw: {error}",
            "画面を描画できません: {error}",
        ),
        CannotReadTerminal => (
            "cannot read the terminal: {error}",
            "端末から入力を読み取れません: {error}",
        ),

        // The `iamdojo sandbox` shell.
        /// The first line of an interactive session; `{id}` is the account id.
        SandboxBanner => (
            "iamdojo sandbox: a simulated AWS account ({id}). You are the root user. Type `help`, or `exit` to leave.",
            "iamdojo sandbox: シミュレーションの AWS アカウント ({id}) です。ルートユーザーとして操作します。ヘルプは「help」、終了するには「exit」と入力してください。",
        ),
        /// Between the names of a list (services, facts).
        SandboxListSep => (", ", "、"),
        /// After the console's help in `iamdojo sandbox`.
        SandboxExit => (
            "`exit` (or Ctrl+D) leaves the sandbox.\n",
            "サンドボックスを終了するには「exit」と入力します (Ctrl+D でも終了します)。\n",
        ),
        /// The prompt's caller when the profile's access key is not valid in the account.
        /// Who the console runs as when the profile has only half a key pair.
        SandboxPartialKey => (
            "incomplete credentials",
            "認証情報が不完全",
        ),
        SandboxInvalidKey => (
            "{key} (invalid)",
            "{key} (無効)",
        ),
        /// `--replay ID` names no path of the account; `{ids}` lists those it has.
        ReplayNoSuchPath => (
            "no escalation path `{id}` in this account (`iamdojo audit` reports them); its paths: {ids}",
            "このアカウントにエスカレーション経路「{id}」はありません (経路は「iamdojo audit」が報告します)。このアカウントの経路は {ids} です",
        ),
        /// `--replay ID` on an account without any path.
        ReplayNoPaths => (
            "no escalation path `{id}`: this account has none",
            "エスカレーション経路「{id}」はありません。このアカウントには経路が 1 つもありません",
        ),
        /// The first line of a replay.
        ReplayHeader => (
            "Replaying escalation path {id}: {evidence}",
            "エスカレーション経路 {id} を再現します。{evidence}",
        ),
        /// A user's access key the replay acts with.
        ReplayWithKey => (
            "Acting as {from} with its access key {key} (profile `{profile}`).",
            "{from} としてアクセスキー {key} で操作します (プロファイル「{profile}」)。",
        ),
        /// A role session the replay acts with.
        ReplayWithSession => (
            "Acting as a session of {from}, as the workload that runs with the role would (profile `{profile}`).",
            "ロールで動くワークロードと同じく、{from} のセッションとして操作します (プロファイル「{profile}」)。",
        ),
        /// The user has two keys, none active.
        ReplayNoCredentials => (
            "{from} has two access keys and neither is active: the path cannot be walked with its credentials",
            "{from} にはアクセスキーが 2 つあり、どちらも有効ではありません。この認証情報では経路をたどれません",
        ),
        /// A command was refused.
        ReplayRefused => (
            "The path stopped here: the last command was refused, so it does not hold in this account as it is now.",
            "経路はここで止まりました。最後のコマンドが拒否されたため、今のアカウントではこの経路は成り立ちません。",
        ),
        /// The path ends with a console password.
        ReplayConsole => (
            "The console password of the administrator {to} is set: whoever knows it signs in as {to}. The sandbox has no console, so the replay ends here.",
            "管理者 {to} のコンソールパスワードが設定されました。これを知る人は誰でも {to} としてサインインできます。サンドボックスにはコンソールがないため、再現はここで終わります。",
        ),
        /// The proof call succeeded.
        ReplayAdministrator => (
            "{who} is an administrator now: it created a user. Fix: {fix}",
            "{who} は管理者になりました (ユーザーを作成できました)。修正: {fix}",
        ),
        /// After `iamdojo sandbox: `.
        SandboxNotUtf8 => (
            "standard input is not UTF-8 text",
            "標準入力が UTF-8 のテキストではありません。",
        ),
        /// After `iamdojo sandbox: `; `{error}` is the line editor's.
        SandboxNoEditor => (
            "cannot start the line editor: {error}",
            "行エディターを起動できません: {error}",
        ),
    }
}
