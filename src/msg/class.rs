//! The strings of a live class: `class serve`'s start-up lines and errors, joining, the
//! learner's status line and the instructor's dashboard. The server's JSON refusals carry
//! the English text; the learner's side words them again in the learner's language.

crate::catalog! {
    /// Strings of the class server, joining and the dashboard.
    pub enum Class {
        // ---- class serve ----
        /// First line of `class serve`.
        Serving => ("Class server running at {url}", "クラスサーバーを {url} で起動しました"),
        /// Printed at start with --database; the URL is shown without its password.
        StoredInPostgres => ("Classes are kept in PostgreSQL: {url}", "クラスは PostgreSQL に保存されます: {url}"),
        /// Resumed an open class from the data directory.
        Resumed => (
            "Resumed the open class in {dir} (start with --new-class for a new one)",
            "{dir} にある開催中のクラスを再開しました (新しいクラスは --new-class で開始します)",
        ),
        /// The join code line.
        JoinCodeLine => ("Join code: {code}", "参加コード: {code}"),
        /// What learners type.
        LearnersRun => ("Learners run:", "学習者は次のコマンドを実行します:"),
        /// The instructor token, printed once.
        TokenLine => (
            "Instructor token (shown only now; stored hashed): {token}",
            "講師トークン (表示は今回だけです。ハッシュ化して保存します): {token}",
        ),
        /// Where the instructor opens the dashboard.
        DashboardLine => ("Dashboard: {url}", "ダッシュボード: {url}"),
        /// A resumed class's token cannot be shown again.
        TokenNotShown => (
            "Instructor token: as printed when the class was created (it is stored hashed and cannot be shown again)",
            "講師トークン: クラス作成時に表示したものを使います (ハッシュ化して保存しているため、再表示できません)",
        ),
        /// How to stop.
        StopHint => ("Press Ctrl+C to stop.", "停止するには Ctrl+C を押します。"),
        /// After Ctrl+C.
        Stopped => ("Class server stopped.", "クラスサーバーを停止しました。"),
        /// Listening beyond loopback over plain HTTP.
        PlainHttpWarning => (
            "warning: listening on {addr} over plain HTTP: tokens and answers cross the network unencrypted; use it only on a network you trust, or serve HTTPS with --tls-cert and --tls-key",
            "警告: {addr} で暗号化なしの HTTP で待ち受けています。トークンと解答は暗号化されずにネットワークを流れます。信頼できるネットワークでのみ使用するか、--tls-cert と --tls-key を指定して HTTPS で提供してください",
        ),
        /// --listen could not be read.
        BadListen => (
            "`{value}` is not an address to listen on, such as 127.0.0.1:8080 or 0.0.0.0:8080",
            "`{value}` は待ち受けるアドレスではありません。127.0.0.1:8080 や 0.0.0.0:8080 のように指定します",
        ),
        /// HTTPS: a PEM file of `--tls-cert`, `--tls-key` or `--ca-file`.
        PemCannotRead => (
            "cannot read {path}: {error}. Give the path of a PEM file",
            "{path} を読み取れません: {error}。PEM ファイルのパスを指定してください",
        ),
        PemTooLarge => (
            "{path} is larger than {max} bytes, so it is not a PEM certificate or key: give the PEM file itself",
            "{path} は {max} バイトを超えているため、PEM 形式の証明書や鍵ではありません。PEM ファイルそのものを指定してください",
        ),
        PemNoCertificate => (
            "{path} holds no certificate: give the certificate in PEM form (a `-----BEGIN CERTIFICATE-----` block)",
            "{path} に証明書がありません。PEM 形式の証明書 (「-----BEGIN CERTIFICATE-----」のブロック) を指定してください",
        ),
        PemNoKey => (
            "{path} holds no private key: give the key in PEM form, unencrypted (`-----BEGIN PRIVATE KEY-----`, or the RSA or EC form)",
            "{path} に秘密鍵がありません。暗号化されていない PEM 形式の鍵 (「-----BEGIN PRIVATE KEY-----」、または RSA や EC の形式) を指定してください",
        ),
        PemBad => (
            "{path} is not valid PEM: {error}. Give a PEM file as your certificate tool wrote it",
            "{path} は有効な PEM ではありません: {error}。証明書の作成ツールが出力した PEM ファイルを指定してください",
        ),
        /// rustls refused the certificate and key together.
        TlsRefused => (
            "cannot serve HTTPS with the certificate {cert} and the key {key}: {error}. Check that the key is the certificate's own",
            "証明書 {cert} と鍵 {key} で HTTPS を提供できません: {error}。鍵がその証明書のものであることを確認してください",
        ),
        /// Joining over HTTPS failed on the certificate although --ca-file was given.
        JoinUntrustedCa => (
            "the class at {url} shows a certificate that {file} does not vouch for ({error}). Check that {file} is the instructor's certificate or the authority that signed it; a certificate the instructor made must not be marked as an authority (basicConstraints CA:FALSE)",
            "{url} のクラスが提示した証明書は、{file} では検証できません ({error})。{file} が講師の証明書、またはそれに署名した認証局の証明書であることを確認してください。講師が作成する証明書は、認証局として設定しないでください (basicConstraints CA:FALSE)",
        ),
        /// A learner's `--ca-file` could not be kept for the sender.
        CaCannotKeep => (
            "cannot keep the class's certificate in {path}: {error}",
            "クラスの証明書を {path} に保存できません: {error}",
        ),
        /// Joining over HTTPS failed on the certificate.
        JoinUntrusted => (
            "the class at {url} shows a certificate this computer does not trust ({error}). If the instructor made the certificate themselves, ask for it and join with --ca-file FILE",
            "{url} のクラスが提示した証明書を、このコンピューターは信頼していません ({error})。講師が自分で作成した証明書の場合は、その証明書を受け取り、--ca-file FILE を付けて参加してください",
        ),
        CannotListen => ("cannot listen on {addr}: {error}", "{addr} で待ち受けできません: {error}"),
        CannotOpenDb => (
            "cannot use the class database in {dir}: {error}",
            "{dir} のクラスデータベースを使用できません: {error}",
        ),
        /// `--database postgres://…` could not be used; the URL is shown without its password.
        CannotUsePostgres => (
            "cannot use the PostgreSQL database {url}: {error}. Check that PostgreSQL runs at that host and port, and that the user, password and database in the URL are right (the password is not shown here)",
            "PostgreSQL データベース {url} を使用できません: {error}。PostgreSQL がそのホストとポートで実行されていること、URL のユーザー、パスワード、データベースが正しいことを確認してください (パスワードはここには表示されません)",
        ),
        /// `--database` was given something other than a PostgreSQL URL.
        BadDatabaseUrl => (
            "--database takes a PostgreSQL URL starting with postgres:// or postgresql:// (postgres://USER:PASSWORD@HOST:PORT/DATABASE); without --database the class is kept in the data directory",
            "--database には postgres:// または postgresql:// で始まる PostgreSQL の URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE) を指定します。--database を指定しない場合、クラスはデータディレクトリに保存されます",
        ),
        NoRandomness => (
            "cannot make a token: {error}",
            "トークンを作成できません: {error}",
        ),
        CannotStart => ("cannot start the server: {error}", "サーバーを起動できません: {error}"),
        /// The server's database failed during a request.
        ServerDbError => ("the class database failed: {error}", "クラスデータベースでエラーが発生しました: {error}"),

        // ---- refusals (the server's, in English in its JSON) ----
        NoSuchClass => (
            "no open class has the code `{code}`",
            "コード `{code}` の開催中のクラスはありません",
        ),
        ClassClosed => (
            "the class is closed: the instructor no longer takes new learners",
            "クラスは終了しています。新しい学習者は参加できません",
        ),
        AlreadyJoined => (
            "this learner profile has joined the class already (its token is kept in that learner's database)",
            "この学習者プロファイルはすでにクラスに参加しています (トークンはその学習者のデータベースにあります)",
        ),
        BadToken => (
            "the token is missing or not one of this class's",
            "トークンがないか、このクラスのトークンではありません",
        ),
        TooManyAttempts => (
            "attempts: {count} attempts in one delivery, at most {max} are taken",
            "attempts: 1 回の送信に {count} 件の解答があります。受け付けるのは {max} 件までです",
        ),
        AnswerTooLong => ("longer than {max} bytes", "{max} バイトを超えています"),
        BadVersion => (
            "longer than 64 characters or holds a control character",
            "64 文字を超えているか、制御文字を含んでいます",
        ),

        // ---- joining ----
        JoinBadUrl => (
            "`{url}` is not a class URL: give it as the instructor shows it, such as http://192.168.1.10:8080 or https://192.168.1.10:8443",
            "`{url}` はクラスの URL ではありません。講師が示すとおりに http://192.168.1.10:8080 や https://192.168.1.10:8443 のように指定します",
        ),
        JoinUnreachable => (
            "cannot reach the class at {url}: {error}. Check the URL and that you are on the classroom's network",
            "{url} のクラスに接続できません: {error}。URL と、教室のネットワークに接続していることを確認してください",
        ),
        JoinNoClass => (
            "no open class has this code: check the code on the instructor's screen",
            "このコードの開催中のクラスはありません。講師の画面のコードを確認してください",
        ),
        JoinRefused => ("the class refused to join (HTTP {status}): {reason}", "クラスへの参加が拒否されました (HTTP {status}): {reason}"),
        JoinNotSaving => (
            "progress is not being saved, so answers could not wait for the class: fix the data directory first",
            "進捗が保存されていないため、クラスへの送信を待つ解答を保持できません。先にデータディレクトリを修正してください",
        ),
        /// After joining, before the interface starts.
        Joined => (
            "Joined the class {code} at {url} as {learner}.",
            "{url} のクラス {code} に {learner} として参加しました。",
        ),

        // ---- the learner's status line ----
        StatusConnected => ("connected", "接続中"),
        StatusOffline => ("offline", "オフライン"),
        StatusLine => ("class: {state}", "クラス: {state}"),
        StatusLineWaiting => ("class: {state}, {waiting}", "クラス: {state}、{waiting}"),
        StatusWaitingOne => ("1 answer waiting", "送信待ちの解答 1 件"),
        StatusWaitingMany => ("{count} answers waiting", "送信待ちの解答 {count} 件"),
        /// After the status line: answers the server refused, kept only on this computer.
        StatusRefused => (
            "{line} ({count} refused by the class server, kept on this computer)",
            "{line} (クラスサーバーが受け付けなかった解答 {count} 件はこのコンピューターに保存されています)",
        ),

        // ---- the dashboard ----
        DashTitle => ("iamdojo class", "iamdojo クラス"),
        DashJoinCode => ("Join code:", "参加コード:"),
        DashNeedsToken => (
            "Paste the instructor token that class serve printed when it started.",
            "class serve の起動時に表示された講師トークンを貼り付けます。",
        ),
        DashWrongToken => ("That is not this class's instructor token.", "このクラスの講師トークンではありません。"),
        DashSignIn => ("Open the dashboard", "ダッシュボードを開く"),
        DashOtherLanguage => ("日本語", "English"),
        DashReportCsv => ("Class report (CSV)", "クラスレポート (CSV)"),
        DashReportHtml => ("Class report (HTML)", "クラスレポート (HTML)"),
        DashClose => ("Close the class to new learners", "新しい学習者の参加を締め切る"),
        DashClosed => (
            "The class is closed: its code lets no one join any more.",
            "クラスは締め切られています。このコードでは参加できません。",
        ),
        DashReconnecting => ("Connection to the server lost; reconnecting…", "サーバーとの接続が切れました。再接続しています…"),
        DashLearners => ("Learners ({count})", "学習者 ({count} 人)"),
        DashNoLearners => (
            "No one has joined yet. Learners run: iamdojo --join URL --code CODE",
            "まだ誰も参加していません。学習者は iamdojo --join URL --code CODE を実行します",
        ),
        DashExercises => ("Exercises", "演習"),
        DashNoAnswers => ("No answers yet.", "まだ解答はありません。"),
        DashUpdated => ("Updated {time}", "更新: {time}"),
        ColLearner => ("Learner", "学習者"),
        ColLesson => ("Lesson", "レッスン"),
        ColStep => ("Step", "ステップ"),
        ColOnStep => ("On it for", "経過時間"),
        ColAnswers => ("Answers", "解答数"),
        ColSolved => ("Solved", "正解数"),
        ColHints => ("Hints", "ヒント"),
        ColSolutions => ("Solutions shown", "解答の表示"),
        ColState => ("State", "状態"),
        ColTried => ("Tried by", "解答した人数"),
        ColShare => ("Solved by", "正解した割合"),
        ColWrong => ("Most common wrong answers", "多かった誤答"),
        /// The room's predictions on a predict step.
        ColPredictions => ("The room predicted", "学習者の予測"),
        /// The three decisions a learner predicts, as AWS's evaluation logic names them.
        PredictAllowed => ("Allowed", "許可"),
        PredictExplicitDeny => ("Explicit deny", "明示的な拒否"),
        PredictImplicitDeny => ("Implicit deny", "暗黙的な拒否"),
        /// The tooltip of IAM's answer in the spread.
        RightAnswer => ("IAM's decision", "IAM の判定"),
        /// Under the exercises' table when it has predict steps.
        SpreadLegend => (
            "Predictions: each learner's first prediction, before IAM's decision was shown; ✓ marks IAM's decision.",
            "予測: 各学習者が IAM の判定を見る前に行った最初の予測を数えます。✓ は IAM の判定です。",
        ),
        StateNotStarted => ("joined", "参加済み"),
        StateWorking => ("working", "学習中"),
        StateStuck => ("stuck", "停滞中"),
        StateOffline => ("offline", "オフライン"),
        /// How many times a wrong answer was given.
        Times => ("{count}×", "{count} 回"),
        /// Share of the room that solved an exercise.
        Share => ("{percent}% ({solved})", "{percent}% ({solved} 人)"),
    }
}
