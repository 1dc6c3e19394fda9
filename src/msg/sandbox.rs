//! The simulated account's own messages (`account::command`, `account::ec2`'s metadata
//! service): what the sandbox itself says, in the learner's language, as opposed to what it
//! prints in imitation of AWS.
//!
//! The line between the two: whatever the real AWS CLI prints stays as the AWS CLI prints it,
//! in English in both languages, and is not in this catalog: its usage text and
//! `aws: [ERROR]: …` messages (`argument command: Found invalid choice`, `Unknown options`, `the
//! following arguments are required`, `Unable to load paramfile`), AWS's
//! `An error occurred (X) when calling the Y operation: …`, JSON, text and table output,
//! `aws configure list`'s table, and `base64`'s error. What the sandbox adds is here: its own
//! commands (`wait`, `explain`, `ls`, `cat`, `inbox`, `curl` to the metadata service, the
//! shell's variables and `$(…)`), its limits, the "did you mean" hints it appends to the AWS
//! CLI's errors, and the messages of its own `aws configure` forms.

crate::catalog! {
    /// The sandbox's own messages.
    pub enum Sandbox {
        // The sandbox's shell: lines, variables and `$(…)` (after `sandbox: `).
        /// `{len}` bytes in a line longer than the `{max}` the sandbox reads.
        /// `||` outside quotes.
        NoOrList => (
            "the sandbox runs one command a line, or one piped through its text tools: `||` and `&&` are not run",
            "サンドボックスが実行するのは 1 行に 1 つのコマンドか、テキストツールにパイプしたコマンドです。「||」と「&&」は実行しません。",
        ),
        /// A tool after `|` that the sandbox does not have.
        ToolNotFound => (
            "{tool}: command not found; the sandbox pipes output through {tools} (for JSON, use --query)",
            "{tool}: コマンドが見つかりません。サンドボックスでパイプできるのは {tools} です (JSON には --query を使ってください)。",
        ),
        LineTooLong => (
            "the line is {len} bytes; the sandbox reads lines of at most {max} bytes",
            "この行は {len} バイトです。サンドボックスが読み込める行は {max} バイトまでです。",
        ),
        /// A value of `{len}` bytes for the variable `{name}`.
        ValueTooLong => (
            "{name}: the value is {len} bytes; a variable holds at most {max} bytes",
            "{name}: 値が {len} バイトあります。変数に入れられる値は {max} バイトまでです。",
        ),
        VariablesTooLarge => (
            "{name}: the variables would hold more than {max} bytes in all; reuse a name instead",
            "{name}: 変数の合計が {max} バイトを超えてしまいます。新しい名前の代わりに、使い終わった変数の名前を再利用してください。",
        ),
        SubstitutionUnclosed => (
            "`$(` has no closing `)`",
            "「$(」に対応する「)」がありません。",
        ),
        SubstitutionTooDeep => (
            "`$(…)` nests deeper than {max} levels",
            "「$(…)」の入れ子が {max} 段を超えています。",
        ),
        ExpandedTooLong => (
            "the line is longer than {max} bytes once its variables and `$(…)` are expanded",
            "変数と「$(…)」を展開すると、行が {max} バイトを超えます。",
        ),

        // `wait DURATION` and `explain`.
        /// After `wait`: the simulated clock's new time.
        TimeNow => (
            "simulated time is now {time}",
            "シミュレーションの時刻は {time} になりました。",
        ),
        WaitUsage => (
            "usage: wait DURATION (for example 30m, 6h or 2d)",
            "使い方: wait DURATION (例: 30m、6h、2d)",
        ),
        /// `explain` before any call was denied.
        /// `explain` after a call whose policy document was refused; `{error}` is the
        /// parser's message with its line and column.
        PolicyRefused => (
            "The last call's policy document was refused: {error}",
            "直前の呼び出しのポリシードキュメントは受け付けられませんでした: {error}",
        ),
        /// After IAM's `MalformedPolicyDocument`, which names the mistake but not its place.
        RefusedExplainHint => (
            "(iamdojo: `explain` shows where in the document, and why.)",
            "(iamdojo: 「explain」で、ドキュメントのどこがなぜ受け付けられなかったかを確認できます。)",
        ),
        NothingDenied => (
            "No call has been denied yet. After an AccessDenied, `explain` shows every statement the evaluator looked at and the decision path.",
            "拒否された呼び出しはまだありません。AccessDenied の後に「explain」を実行すると、評価したすべてのステートメントと判定の経路が表示されます。",
        ),

        // `ls` and `cat`: the files that `file://NAME` reads (after `cat: `).
        NoFiles => (
            "(no files)",
            "(ファイルはありません)",
        ),
        CatUsage => (
            "usage: cat FILE (see `ls`)",
            "使い方: cat FILE (ファイルの一覧は「ls」で表示できます)",
        ),
        CatNoSuchFile => (
            "{name}: no such file (see `ls`)",
            "{name}: そのようなファイルはありません (ファイルの一覧は「ls」で表示できます)",
        ),
        CatNoSuchFileNear => (
            "{name}: no such file (did you mean `{nearest}`?)",
            "{name}: そのようなファイルはありません (「{nearest}」のことですか？)",
        ),

        // `inbox`: the e-mails AWS sent (their subject and body are AWS's, in English).
        NoMessages => (
            "(no messages)",
            "(メッセージはありません)",
        ),
        /// One e-mail: its time, subject, sender and body, over three lines.
        InboxMessage => (
            "{time}  {subject}\n  From: {from}\n  {body}\n",
            "{time}  {subject}\n  差出人: {from}\n  {body}\n",
        ),

        // `curl` to the instance metadata service (after `curl: `).
        CurlWhichInstance => (
            "which instance is asking? add --instance i-… (the sandbox is not an instance)",
            "どのインスタンスからの問い合わせかを --instance i-… で指定してください (サンドボックス自体はインスタンスではありません)。",
        ),
        /// `github-oidc-token` without a repository, or with a value it cannot use.
        GithubTokenUsage => (
            "usage: github-oidc-token --repository OWNER/REPO [--ref refs/heads/main] [--audience sts.amazonaws.com] [--out gh-token]",
            "使い方: github-oidc-token --repository OWNER/REPO [--ref refs/heads/main] [--audience sts.amazonaws.com] [--out gh-token]",
        ),
        /// `github-oidc-token` for a repository whose workflows the learner does not run:
        /// GitHub signs a workflow's token with the repository it runs in, and no other.
        GithubTokenNotYours => (
            "github-oidc-token: GitHub signs a token only for a workflow run in the repository it names, and you run workflows in {repos} only, not in {repo}",
            "github-oidc-token: GitHub がトークンに署名するのは、そのトークンが示すリポジトリで実行されたワークフローに対してだけです。あなたがワークフローを実行できるのは {repos} だけで、{repo} ではありません。",
        ),
        /// What `github-oidc-token` wrote.
        GithubTokenWritten => (
            "wrote {file}: the token GitHub Actions gives a workflow run with sub {sub} and aud {aud}; pass it with --web-identity-token file://{file}",
            "{file} に書き込みました。sub が {sub}、aud が {aud} のワークフロー実行に GitHub Actions が渡すトークンです。--web-identity-token file://{file} で渡してください。",
        ),
        /// `curl` to a scenario's web application, asking it to fetch an address other
        /// than the metadata service's.
        WebAppOnlyMetadata => (
            "the web application fetched the URL it was given, but the sandbox has no network: of what it fetches, only the instance metadata service at http://169.254.169.254/ answers",
            "ウェブアプリケーションは渡された URL を取得しようとしましたが、サンドボックスはネットワークにつながっていません。取得先として応答するのは http://169.254.169.254/ のインスタンスメタデータサービスだけです。",
        ),
        /// `curl` to a scenario's web application without the parameter it fetches.
        WebAppNoUrl => (
            "the web application answered 400 Bad Request: it fetches the URL given in its query parameter (the scenario names it, e.g. ?url=http://…)",
            "ウェブアプリケーションは 400 Bad Request を返しました。このアプリケーションはクエリパラメータで渡された URL を取得します。パラメータ名はシナリオが決めます (例: ?url=http://…)。",
        ),
        /// The metadata service's 401 came back through a web application that forwards GET
        /// requests only.
        WebApp401 => (
            "401 Unauthorized came back through the web application: the instance requires IMDSv2, and an application that only makes GET requests for you cannot make the PUT that asks for a session token",
            "ウェブアプリケーション経由で 401 Unauthorized が返りました。このインスタンスでは IMDSv2 が必須で、GET リクエストしか代わりに送れないアプリケーションでは、セッショントークンを求める PUT を送れません。",
        ),
        /// `curl` to anything but the metadata service (after `curl: `).
        CurlOnlyMetadata => (
            "the sandbox has no network: curl reaches only the instance metadata service at http://169.254.169.254/",
            "サンドボックスはネットワークにつながっていません。curl で届くのは http://169.254.169.254/ のインスタンスメタデータサービスだけです。",
        ),
        /// After the metadata service's 401 page.
        Imds401 => (
            "401 Unauthorized: this instance requires IMDSv2. Get a token first: TOKEN=$(curl -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\" --instance ID), then add -H \"X-aws-ec2-metadata-token: $TOKEN\"",
            "401 Unauthorized: このインスタンスでは IMDSv2 が必須です。先にトークンを取得してください: TOKEN=$(curl -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\" --instance ID)。その後、-H \"X-aws-ec2-metadata-token: $TOKEN\" を付けます。",
        ),
        /// After the metadata service's 403 page.
        Imds403 => (
            "403 Forbidden: the metadata service is turned off on this instance (HttpEndpoint disabled)",
            "403 Forbidden: このインスタンスではメタデータサービスが無効になっています (HttpEndpoint が disabled)。",
        ),
        /// After the metadata service's 400 page.
        Imds400 => (
            "400 Bad Request: a token request needs the header X-aws-ec2-metadata-token-ttl-seconds with 1 to 21600 seconds",
            "400 Bad Request: トークンのリクエストには、1〜21600 秒を指定したヘッダー X-aws-ec2-metadata-token-ttl-seconds が必要です。",
        ),
        ImdsNoInstance => (
            "no instance `{instance}` in this account",
            "このアカウントにインスタンス「{instance}」はありません。",
        ),
        ImdsNotRunning => (
            "the instance `{instance}` is not running",
            "インスタンス「{instance}」は実行中ではありません。",
        ),
        ImdsNoProfile => (
            "this instance has no instance profile, so no role credentials (404 Not Found)",
            "このインスタンスにはインスタンスプロファイルがないため、ロールの認証情報もありません (404 Not Found)。",
        ),
        ImdsNoRole => (
            "the instance profile holds no role (404 Not Found)",
            "インスタンスプロファイルにロールが含まれていません (404 Not Found)。",
        ),
        /// Credentials asked for another role than the instance's `{role}`.
        ImdsOtherRole => (
            "404 Not Found: this instance's role is `{role}`",
            "404 Not Found: このインスタンスのロールは「{role}」です。",
        ),
        /// Credentials asked for a role whose trust policy does not let EC2 assume it.
        ImdsNotTrusted => (
            "no credentials: EC2 cannot assume the role `{role}`, because its trust policy does not allow the service `ec2.amazonaws.com` (404 Not Found)",
            "認証情報がありません: ロール「{role}」の信頼ポリシーがサービス「ec2.amazonaws.com」を許可していないため、EC2 はこのロールを引き受けられません (404 Not Found)。",
        ),

        // Hints the sandbox adds to the AWS CLI's errors, which stay English: each on a line
        // of its own after the error, so that AWS's line is never mixed with the learner's
        // language.
        /// After an unknown service, operation or option, or a `file://` name with no file;
        /// `{name}` is the nearest known one (`iam`, `aws iam list-users`, `--user-name`,
        /// `file://readonly.json`).
        /// `aws help`: the sandbox shows no manual pages; `{services}` is a list.
        HelpTop => (
            "The sandbox does not show the AWS CLI's manual pages (they are at {url}). Its services: {services}. `aws SERVICE help` lists a service's commands, `aws SERVICE COMMAND help` a command's options.",
            "サンドボックスでは AWS CLI のマニュアルページは表示されません ({url} にあります)。使えるサービス: {services}。「aws <サービス> help」でサービスのコマンドを、「aws <サービス> <コマンド> help」でコマンドのオプションを表示します。",
        ),
        /// `aws SERVICE help`: the heading of the service's simulated commands.
        HelpService => (
            "The sandbox's {n} commands of `aws {service}` (the AWS CLI's manual: {url}):",
            "サンドボックスで使える「aws {service}」のコマンド ({n} 個。AWS CLI のマニュアル: {url}):",
        ),
        /// `aws SERVICE COMMAND help`: the heading of the command's options.
        HelpOperation => (
            "The options of `{command}` (the AWS CLI's manual: {url}):",
            "「{command}」のオプション (AWS CLI のマニュアル: {url}):",
        ),
        /// After a required option in `HelpOperation`'s list.
        HelpRequired => ("  (required)", "  (必須)"),
        /// `aws … help` for something the sandbox does not have.
        HelpUnknown => (
            "The sandbox has no `aws {words}`. `aws help` lists its services.",
            "サンドボックスには「aws {words}」はありません。「aws help」でサービスの一覧を表示します。",
        ),
        AwsDidYouMean => (
            "Did you mean `{name}`?",
            "「{name}」のことですか？",
        ),
        /// For a real operation of a simulated service that the sandbox does not simulate,
        /// after `sandbox: `; `{command}` is `aws SERVICE OPERATION`, `{closest}` a list
        /// of simulated commands.
        NotSimulated => (
            "iamdojo does not simulate `{command}` yet. The closest simulated commands: {closest}",
            "iamdojo は「{command}」をまだシミュレートしていません。近いコマンド: {closest}",
        ),
        /// After an unknown flag, or an unknown setting of the sandbox's own `aws configure` forms.
        DidYouMean => (
            " (did you mean `{name}`?)",
            " (「{name}」のことですか？)",
        ),
        /// After `Unable to load paramfile file://NAME: no such file in this scenario`.
        ParamfileDidYouMean => (
            "Did you mean file://{name}? (`ls` lists the files of this scenario.)",
            "file://{name} のことですか？ (「ls」でこのシナリオのファイルを一覧できます。)",
        ),
        /// `help` in the sandbox console; `{services}` lists the services, `configure` last.
        ConsoleHelp => (
            "Commands are typed as with the AWS CLI (the leading `aws` is optional).\nThe sandbox's own commands: help, explain, wait, date, inbox, ls, cat, curl, github-oidc-token.\nOutput can be piped (`| cut -f1`) through: {tools}.\nServices: {services}\n",
            "コマンドは AWS CLI と同じように入力します (先頭の「aws」は省略できます)。\nサンドボックス独自のコマンド: help、explain、wait、date、inbox、ls、cat、curl、github-oidc-token\n出力をパイプ (「| cut -f1」) で渡せるツール: {tools}\nサービス: {services}\n",
        ),
        /// Between the names of `help`'s list of services.
        ConsoleHelpSep => (", ", "、"),
        /// A line the sandbox cannot split into words (the AWS CLI never sees it).
        UnclosedQuote => (
            "the line has an unclosed quote",
            "引用符が閉じられていません",
        ),
        /// After `Bad value for --query QUERY: `.
        QueryTooLong => (
            "the query is {len} bytes; the sandbox takes queries of at most {max} bytes",
            "クエリが {len} バイトあります。サンドボックスで使えるクエリは {max} バイトまでです。",
        ),
        QueryTooDeep => (
            "the query nests deeper than {max} levels (brackets, parentheses and `!`)",
            "クエリの入れ子 (角かっこ、かっこ、「!」) が {max} 段を超えています。",
        ),

        // The sandbox's `aws configure` forms (after the CLI's error prefix).
        ConfigureSetUsage => (
            "usage: aws configure set <name> <value> [--profile NAME]",
            "使い方: aws configure set <name> <value> [--profile NAME]",
        ),
        /// `{hint}` is empty or a `DidYouMean`.
        ConfigureUnknownSetting => (
            "unknown setting `{name}`{hint}",
            "「{name}」という設定はありません{hint}",
        ),
        /// `aws configure use NAME` for a profile that does not exist.
        ConfigureNoProfile => (
            "the profile `{name}` does not exist; set its keys first with aws configure set aws_access_key_id … --profile {name}",
            "プロファイル「{name}」はありません。先に「aws configure set aws_access_key_id … --profile {name}」でキーを設定してください。",
        ),
        ConfigureUsage => (
            "usage: aws configure set|get|list|list-profiles|use … (the interactive form is not available in the sandbox: use `aws configure set aws_access_key_id AKIA… --profile NAME`)",
            "使い方: aws configure set|get|list|list-profiles|use … (サンドボックスでは対話形式の「aws configure」は使えません。「aws configure set aws_access_key_id AKIA… --profile NAME」を使ってください)",
        ),
        // A Lambda function's run (`lambda invoke`), written in the invoke's outfile.
        /// A function invoked `{max}` functions deep.
        FunctionTooDeep => (
            "the sandbox runs functions invoked at most {max} deep; this invoke did not run (a function that invokes itself would never stop)",
            "サンドボックスが実行する関数の呼び出しは {max} 段までです。この invoke は実行していません (自分自身を呼び出す関数は止まらないためです)。",
        ),
        /// The calls of one invoke are used up.
        FunctionCallsExhausted => (
            "the sandbox runs at most {max} calls for one invoke, counting the functions it invokes; the rest of the code did not run",
            "サンドボックスが 1 回の invoke で実行する呼び出しは、そこから呼び出す関数の分も含めて {max} 回までです。残りのコードは実行していません。",
        ),
        /// A line of a function's code that is not an AWS CLI command.
        FunctionNotAws => (
            "a function's code is AWS CLI command lines, one a line (aws SERVICE COMMAND …); this line is not one",
            "関数のコードは 1 行に 1 つの AWS CLI コマンド (aws SERVICE COMMAND …) です。この行はコマンドではありません。",
        ),
    }
}
