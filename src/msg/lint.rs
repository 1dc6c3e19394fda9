//! The messages of lesson packs: what `lessons lint` reports, why a pack or a lesson file does
//! not load (the loader's and the model's rules), why an exercise cannot start, and the text
//! output of the `lessons` subcommands.
//!
//! Like a compiler's, the messages name the field or the value in backticks and end without a
//! full stop, since the field path follows them (`… (at `steps[0].task.goal`)`). The words
//! `error` and `warning` that lead a lint line are not messages: they stay English in every
//! language, as in the JSON output, so that tools and scripts can look for them.
//! Text that comes from elsewhere (serde's own wording, an operating system's error, an id's
//! rule, a sandbox command's AWS error) is quoted inside these messages as it is.

crate::catalog! {
    /// Lint issues, load errors and the `lessons` subcommands' output.
    pub enum Lint {
        /// The step an issue is about, before its message.
        StepPrefix => ("step {id}: ", "ステップ {id}: "),
        /// The field path after a message.
        At => (" (at `{path}`)", " (場所: `{path}`)"),
        /// After a name that is not known: the nearest known one.
        DidYouMean => ("; did you mean `{name}`?", "。`{name}` の間違いではありませんか？"),

        // lessons lint
        /// A text without one of the pack's languages.
        NoLangText => (
            "no `{lang}` text; the pack declares {langs}",
            "`{lang}` のテキストがありません。パックの言語は {langs} です",
        ),
        /// A text in a language the pack does not declare.
        LangNotDeclared => (
            "`{lang}` is not one of the pack's languages ({langs})",
            "`{lang}` はパックの言語 ({langs}) にありません",
        ),
        /// Two lessons with one id.
        LessonIdTwice => (
            "the lesson id `{id}` is used twice in the pack",
            "レッスン ID `{id}` がパック内で 2 回使われています",
        ),
        /// A lesson in its own `requires`.
        RequiresItself => (
            "the lesson `{id}` requires itself, so it can never be started; remove it from its own `requires`",
            "レッスン `{id}` が自分自身を必要としているため、開始できません。自身の `requires` から外してください",
        ),
        /// Lessons that require each other; `{cycle}` is `a` → `b` → `a`.
        RequiresCycle => (
            "the lessons {cycle} require each other in a cycle, so none of them can ever be started; remove one of these requirements",
            "レッスン {cycle} が循環して互いを必要としているため、どれも開始できません。このうち 1 つの必要条件を外してください",
        ),
        /// `requires` names no lesson of the pack.
        NoSuchLesson => (
            "no lesson `{id}` in this pack",
            "このパックにレッスン `{id}` はありません",
        ),
        /// `requires` names a lesson that may be one that failed to load.
        RequiresBroken => (
            "requires `{id}`, which is not among the lessons that loaded; it may be a lesson that failed to load ({files}): fix that one first",
            "`{id}` を必要としていますが、読み込めたレッスンの中にありません。読み込みに失敗したレッスン ({files}) かもしれません。先にそちらを直してください",
        ),
        /// A lesson's scenario does not load.
        LessonScenario => (
            "the scenario does not load: {error}",
            "シナリオを読み込めません: {error}",
        ),
        /// An exercise with too few `wrong:` attempts.
        FewNearMisses => (
            "{n} near miss(es); give at least {min} `wrong:` attempts a learner would plausibly make, so lint proves they fail",
            "誤答例 (`wrong:`) が {n} 個です。学習者がしそうな誤答を {min} 個以上書いてください。lint がそれぞれ不正解になることを確かめます",
        ),
        /// A `wrong:` attempt that passes.
        NearMissPasses => (
            "this near miss passes: a learner making this mistake would be told \"Correct!\"; strengthen the goal or the expected requests",
            "この誤答例が正解になります。この間違いをした学習者に「正解です！」と表示されてしまいます。ゴールか期待するリクエストを厳しくしてください",
        ),
        /// A quiz with fewer than two choices.
        QuizFewChoices => (
            "a quiz needs at least two choices",
            "クイズには選択肢が 2 つ以上必要です",
        ),
        /// A quiz without a right answer.
        QuizNoCorrect => (
            "no choice is marked `correct: true`",
            "`correct: true` の選択肢がありません",
        ),
        /// Several right answers without `multiple`.
        QuizManyCorrect => (
            "{n} choices are correct; set `multiple: true` or keep one",
            "正解の選択肢が {n} 個あります。`multiple: true` にするか、正解を 1 つにしてください",
        ),
        /// A choice without `why`.
        ChoiceNoWhy => (
            "no `why`: learners learn most from why a choice is right or wrong",
            "`why` がありません。学習者は、選択肢が正しい理由や誤りである理由から最もよく学びます",
        ),
        /// A predict step's request does not evaluate.
        RequestDoesNotEvaluate => (
            "the request does not evaluate: {error}",
            "リクエストを評価できません: {error}",
        ),
        /// A policy exercise without expected requests.
        NoExpectedRequest => (
            "give at least one request under `allow` or `deny`",
            "`allow` か `deny` にリクエストを 1 つ以上書いてください",
        ),
        /// The starter policy already passes.
        StarterPasses => (
            "the starter already passes every expectation: there is nothing to do",
            "初期のポリシー (`starter`) がすでにすべての期待を満たしています。学習者がすることがありません",
        ),
        /// An expected request that comes out denied; `{got}` is IAM's decision.
        ShouldBeAllowed => (
            "{action} on {resource} should be allowed but is {got}",
            "{resource} に対する {action} は許可されるはずですが、{got} です",
        ),
        /// An expected request that comes out allowed.
        ShouldBeDenied => (
            "{action} on {resource} should be denied but is {got}",
            "{resource} に対する {action} は拒否されるはずですが、{got} です",
        ),
        /// validate-policy findings worse than the exercise allows.
        TooSevere => (
            "{n} finding(s) worse than max_finding",
            "max_finding より重大な検出結果が {n} 件あります",
        ),
        /// The solution does not pass.
        SolutionFails => (
            "the solution does not pass: {why}",
            "解答 (`solution`) が正解になりません: {why}",
        ),
        /// A policy exercise without a solution.
        PolicyNeedsSolution => (
            "a policy exercise needs a `solution` policy (it powers \"show me\" and proves the exercise is solvable)",
            "ポリシー演習には `solution` のポリシーが必要です (解答の表示に使い、演習が解けることを示します)",
        ),
        /// A task without a goal.
        TaskNeedsGoal => (
            "a task needs at least one check in `goal`",
            "タスクの `goal` にはチェックが 1 つ以上必要です",
        ),
        /// A task that does not start.
        TaskDoesNotStart => (
            "the task does not start: {error}",
            "タスクを開始できません: {error}",
        ),
        /// A goal met before the learner does anything.
        GoalAlreadyHolds => (
            "the goal already holds before the learner does anything",
            "学習者が何もしないうちから、ゴールがすでに満たされています",
        ),
        /// A command of the solution fails.
        SolutionCommandFails => (
            "the solution command fails: {error}",
            "解答のコマンドが失敗します: {error}",
        ),
        /// A check still fails after the solution; `{what}` is its goal sentence.
        GoalStillFails => (
            "after the solution, the goal still fails: {what}",
            "解答を実行しても、ゴールが満たされません: {what}",
        ),
        /// A task without a solution.
        TaskNeedsSolution => (
            "a task needs a `solution` list of commands",
            "タスクには `solution` (コマンドのリスト) が必要です",
        ),
        /// An investigation without answers.
        NeedsAnswer => (
            "give at least one accepted answer",
            "正解として受け付ける答えを 1 つ以上書いてください",
        ),
        /// An investigation that does not start.
        InvestigationDoesNotStart => (
            "the investigation does not start: {error}",
            "調査を開始できません: {error}",
        ),
        /// No accepted answer can be found in the scenario.
        /// A wrong answer's feedback that names the accepted answer.
        FeedbackNamesAnswer => (
            "this feedback on a wrong answer names the accepted answer `{answer}`, so a learner who guesses is handed it; say why this answer is wrong and let the hints lead to the right one",
            "この誤答へのフィードバックが正解の `{answer}` を含んでいます。当て推量で答えた学習者に正解を教えてしまいます。この答えがなぜ違うのかを書き、正解へはヒントで導いてください",
        ),
        AnswerNotInData => (
            "none of the accepted answers ({answers}) appears in the scenario's data: learners could not find it",
            "受け付ける答え ({answers}) のどれもシナリオのデータにありません。学習者には見つけられません",
        ),

        // Loading packs
        /// A file missing from the built-in pack.
        NoFileBuiltIn => (
            "no file `{file}` in the built-in pack",
            "組み込みパックにファイル `{file}` はありません",
        ),
        /// A file that is not UTF-8.
        NotUtf8 => (
            "`{file}` is not UTF-8 text",
            "`{file}` は UTF-8 のテキストではありません",
        ),
        /// A file that cannot be read; `{error}` is the system's reason.
        CannotRead => (
            "cannot read `{file}`: {error}",
            "`{file}` を読めません: {error}",
        ),
        /// The pack folder cannot be read.
        CannotReadPackFolder => (
            "cannot read the pack folder: {error}",
            "パックのフォルダーを読めません: {error}",
        ),
        /// A path, or a symbolic link, that leads out of the pack.
        LeadsOutside => (
            "`{file}` leads outside the pack folder",
            "`{file}` はパックのフォルダーの外を指しています",
        ),
        /// A file refused by the reader (too large, not a plain file); `{error}` is why.
        FileRefused => (
            "`{file}` {error}",
            "`{file}` を読めません: {error}",
        ),
        /// A path that is not inside the pack.
        NotInsidePack => (
            "`{file}` must be a path inside the pack folder (no `..`, no leading `/`)",
            "`{file}` はパックのフォルダー内のパスにしてください (`..` や先頭の `/` は使えません)",
        ),
        /// A lesson with too many steps.
        TooManySteps => (
            "a lesson has at most {max} steps; split it",
            "1 つのレッスンのステップは {max} 個までです。レッスンを分けてください",
        ),
        /// A file over the size limit (after the file's name).
        FileTooLarge => (
            "is {n} bytes; pack files are limited to {max}",
            "{n} バイトあります。パックのファイルは {max} バイトまでです",
        ),
        /// A value of the wrong type; `{error}` is serde's message.
        InvalidType => (
            "{error}; see docs/lesson-format.md for the expected shape",
            "{error} (正しい形は docs/lesson-format.md を参照してください)",
        ),
        /// pack.yaml without `schema`.
        MissingSchema => (
            "missing field `schema`; add it at the top of pack.yaml: `schema: 1` (the format version this iamdojo reads)",
            "フィールド `schema` がありません。pack.yaml の先頭に `schema: 1` (この iamdojo が読む形式のバージョン) を追加してください",
        ),
        /// glossary.yaml without `schema`.
        MissingGlossarySchema => (
            "missing field `schema`; add it at the top of glossary.yaml: `schema: 1` (the format version this iamdojo reads)",
            "フィールド `schema` がありません。glossary.yaml の先頭に `schema: 1` (この iamdojo が読む形式のバージョン) を追加してください",
        ),
        /// glossary.yaml without `version`.
        MissingGlossaryVersion => (
            "missing field `version`; add it: `version: 1.0.0` (the glossary's semantic version)",
            "フィールド `version` がありません。`version: 1.0.0` (用語集のセマンティックバージョン) を追加してください",
        ),
        /// pack.yaml without `version`.
        MissingPackVersion => (
            "missing field `version`; add it: `version: 1.0.0` (the pack's semantic version)",
            "フィールド `version` がありません。`version: 1.0.0` (パックのセマンティックバージョン) を追加してください",
        ),
        /// A lesson without `version`.
        MissingLessonVersion => (
            "missing field `version`; add it: `version: 1` (raise it when you change the lesson's exercises; progress records it)",
            "フィールド `version` がありません。`version: 1` を追加してください (レッスンの演習を変えたら上げてください。進捗に記録されます)",
        ),
        /// Any other missing field.
        MissingField => (
            "missing field `{field}`; add it: `{field}:` (see docs/lesson-format.md)",
            "フィールド `{field}` がありません。`{field}:` を追加してください (docs/lesson-format.md を参照)",
        ),
        /// A glossary term id that breaks the id rule.
        GlossaryTermId => (
            "`{id}` is not a term id: use 1 to 64 lowercase letters, digits and inner `-`, such as `iam-user`",
            "`{id}` は用語 ID として使えません。`iam-user` のように、英小文字、数字、内側の `-` を 1～64 文字で指定してください",
        ),
        /// Two glossary terms with one id.
        GlossaryIdTwice => (
            "the term id `{id}` is used twice; each term needs its own id",
            "用語 ID `{id}` が 2 回使われています。用語ごとに別の ID を付けてください",
        ),
        /// A glossary term without its name.
        GlossaryTermEmpty => ("the term is empty", "用語が空です"),
        /// A glossary term that is a paragraph.
        GlossaryTermLong => (
            "a term is one line of at most {max} characters; put the explanation in `definition`",
            "用語は {max} 文字以内の 1 行にしてください。説明は `definition` に書きます",
        ),
        /// A glossary term without a definition.
        GlossaryDefinitionEmpty => (
            "the definition is empty; say in one or two sentences what the term means",
            "定義が空です。用語の意味を 1～2 文で説明してください",
        ),
        /// A glossary page that is not AWS's documentation.
        GlossaryNotDocs => (
            "`{url}` is not a page of AWS's documentation; give its address, starting with {docs}",
            "`{url}` は AWS ドキュメントのページではありません。{docs} で始まるアドレスを指定してください",
        ),
        /// A glossary of another format version.
        GlossarySchemaMismatch => (
            "this glossary uses schema {got}, but this iamdojo reads schema {want}; update iamdojo",
            "この用語集はスキーマ {got} を使っていますが、この iamdojo が読めるのはスキーマ {want} です。iamdojo を更新してください",
        ),
        /// A link to a term of a glossary that did not load.
        GlossaryLinkBroken => (
            "links to the glossary term `{id}`, but {file} did not load; fix it first",
            "用語集の用語 `{id}` にリンクしていますが、{file} を読み込めませんでした。先に {file} を直してください",
        ),
        /// A link to an unknown term, with a near one.
        GlossaryNoTermNear => (
            "no glossary term `{id}`; did you mean `{near}`?",
            "用語集に用語 `{id}` はありません。`{near}` のことですか？",
        ),
        /// A link to an unknown term.
        GlossaryNoTerm => (
            "no glossary term `{id}`; add it to {file} or link a term it has",
            "用語集に用語 `{id}` はありません。{file} に追加するか、用語集にある用語にリンクしてください",
        ),
        /// A pack of another format version.
        SchemaMismatch => (
            "this pack uses schema {got}, but this iamdojo reads schema {want}; update iamdojo",
            "このパックはスキーマ {got} を使っていますが、この iamdojo が読めるのはスキーマ {want} です。iamdojo を更新してください",
        ),
        /// A pack with too many lessons.
        TooManyLessons => (
            "a pack lists at most {max} lessons",
            "1 つのパックに並べられるレッスンは {max} 個までです",
        ),
        /// A folder without pack.yaml.
        NoPackYaml => (
            "no pack.yaml here; a pack is a folder with pack.yaml and its lesson files (try `iamdojo lessons new NAME`)",
            "ここに pack.yaml がありません。パックは pack.yaml とレッスンのファイルを入れたフォルダーです (`iamdojo lessons new NAME` で作れます)",
        ),
        /// A second pack with an id already loaded.
        DuplicatePackId => (
            "{origin}: the pack id `{id}` is already used by the pack loaded from `{first}`; progress is kept by pack id, so give this pack another `id` in its pack.yaml",
            "{origin}: パック ID `{id}` は、`{first}` から読み込んだパックがすでに使っています。進捗はパック ID ごとに記録されるため、このパックの pack.yaml で別の `id` を付けてください",
        ),

        /// A pack folder with the id of a built-in pack, but other content.
        BuiltinPackId => (
            "{origin}: the pack id `{id}` is the built-in pack's; to check an edited copy of the built-in pack, add --no-builtin (and try it with `iamdojo --no-builtin --pack {origin}`); for a pack of your own, give it another `id` in its pack.yaml, as progress is kept by pack id",
            "{origin}: パック ID `{id}` は組み込みパックの ID です。組み込みパックを編集したコピーを確認するには --no-builtin を付けてください (試すときは `iamdojo --no-builtin --pack {origin}`)。自分のパックなら、進捗はパック ID ごとに記録されるため、pack.yaml で別の `id` を付けてください",
        ),

        // The model's rules
        /// pack.yaml without languages.
        ListLanguages => (
            "list at least one language, e.g. [en, ja]; the first is the default",
            "言語を 1 つ以上並べてください (例: [en, ja])。最初の言語が既定になります",
        ),
        /// A version that is not semantic.
        NotSemver => (
            "`{version}` is not a semantic version such as 1.0.0",
            "`{version}` は 1.0.0 のようなセマンティックバージョンではありません",
        ),
        /// `exists`/`absent` without an entity.
        NameAnEntity => (
            "name at least one entity, e.g. `{user: aoi}`",
            "エンティティを 1 つ以上指定してください (例: `{user: aoi}`)",
        ),
        /// An unknown entity kind.
        NotEntityKind => (
            "`{kind}` is not an entity kind; use one of {kinds}",
            "`{kind}` はエンティティの種類ではありません。{kinds} のいずれかを使ってください",
        ),
        /// A check without a kind.
        CheckSaysNothing => (
            "the check says nothing to check; give one of {keys}",
            "チェックの内容がありません。{keys} のいずれかを書いてください",
        ),
        /// A check with several kinds.
        CheckOfManyKinds => (
            "the check has {n} kinds ({kinds}); give exactly one, and combine several with `all:` or `any:`",
            "チェックに種類が {n} つあります ({kinds})。1 つだけにして、複数を組み合わせるときは `all:` か `any:` を使ってください",
        ),
        /// An empty `all` or `any`.
        NeedsOneCheck => (
            "`{key}` needs at least one check",
            "`{key}` にはチェックが 1 つ以上必要です",
        ),
        /// `policy_attached` without a policy.
        NameThePolicy => (
            "name the policy: `{user: NAME, policy: NAME-OR-ARN}`",
            "ポリシーを指定してください: `{user: NAME, policy: NAME-OR-ARN}`",
        ),
        /// `inline_policy` without the policy's name.
        NameTheInlinePolicy => (
            "name the inline policy: `{user: NAME, name: POLICY-NAME}`",
            "インラインポリシーの名前を指定してください: `{user: NAME, name: POLICY-NAME}`",
        ),
        /// `trust_only` with an empty list of principals.
        /// An entry of `succeeds` that is not one sandbox command.
        SucceedsOneAwsCommand => (
            "each entry of `succeeds` is one command on one line, starting with `aws ` or `github-oidc-token ` (got `{command}`)",
            "`succeeds` の各項目には、`aws ` か `github-oidc-token ` で始まる 1 行のコマンドを 1 つずつ指定してください (指定された値: `{command}`)",
        ),
        /// `succeeds` without a command.
        SucceedsEmpty => (
            "list at least one command for `succeeds`, e.g. [\"aws s3 ls s3://reports --profile partner\"]",
            "`succeeds` にはコマンドを 1 つ以上指定してください (例: [\"aws s3 ls s3://reports --profile partner\"])",
        ),
        TrustOnlyEmpty => (
            "list at least one principal the trust policy may allow, e.g. `ec2.amazonaws.com` or `user/NAME`",
            "信頼ポリシーが許可してよいプリンシパルを 1 つ以上指定してください (例: `ec2.amazonaws.com`、`user/NAME`)",
        ),
        /// An unknown field of `policy_attached`.
        PolicyAttachedField => (
            "`{field}` is not a field here; use policy and one of user, group, role",
            "`{field}` はここでは使えないフィールドです。policy と、user、group、role のいずれか 1 つを使ってください",
        ),
        /// An unknown field of `inline_policy`.
        InlinePolicyField => (
            "`{field}` is not a field here; use name and one of user, group, role",
            "`{field}` はここでは使えないフィールドです。name と、user、group、role のいずれか 1 つを使ってください",
        ),
        /// `policy_attached` or `inline_policy` naming no identity, or several.
        OneIdentity => (
            "name exactly one identity: `user`, `group` or `role`",
            "アイデンティティを 1 つだけ指定してください: `user`、`group`、`role` のいずれか",
        ),
        /// A malformed `mfa_enabled`.
        MfaShape => (
            "write `{user: NAME}` or `{root: true}`",
            "`{user: NAME}` か `{root: true}` と書いてください",
        ),
        /// An unknown field of `access_key_status`.
        AccessKeyField => (
            "`{field}` is not a field here; use user, key and status",
            "`{field}` はここでは使えないフィールドです。user、key、status を使ってください",
        ),
        /// An unknown key state.
        NotKeyState => (
            "`{state}` is not a key state; use Active, Inactive or none",
            "`{state}` はキーの状態ではありません。Active、Inactive、none のいずれかを使ってください",
        ),
        /// A password policy field that takes a number.
        TakesNumber => (
            "`{field}` takes a whole number",
            "`{field}` には整数を書いてください",
        ),
        /// A password policy field that takes a boolean.
        TakesBool => (
            "`{field}` takes true or false",
            "`{field}` には true か false を書いてください",
        ),
        /// An unknown password policy field.
        NotPasswordField => (
            "`{field}` is not a password policy field; use one of {fields}",
            "`{field}` はパスワードポリシーのフィールドではありません。{fields} のいずれかを使ってください",
        ),
        /// An empty `password_policy`.
        NamePasswordField => (
            "name at least one field, e.g. `{min_length: 14}`",
            "フィールドを 1 つ以上指定してください (例: `{min_length: 14}`)",
        ),
        /// A `cidr` that is not a CIDR block.
        NotCidr => (
            "`{cidr}` is not a CIDR block such as 0.0.0.0/0",
            "`{cidr}` は 0.0.0.0/0 のような CIDR ブロックではありません",
        ),
        /// An unknown instance state.
        NotInstanceState => (
            "`{state}` is not a state; use running, stopped or terminated",
            "`{state}` は状態ではありません。running、stopped、terminated のいずれかを使ってください",
        ),
        /// A check of no kind (never reached: the kinds are counted first).
        CheckEmpty => (
            "the check says nothing to check",
            "チェックの内容がありません",
        ),
        /// A lesson without steps.
        LessonNeedsStep => (
            "a lesson needs at least one step",
            "レッスンにはステップが 1 つ以上必要です",
        ),
        /// Two steps of a lesson with one id.
        StepIdTwice => (
            "the step id `{id}` is used twice in the lesson; give each step its own",
            "ステップ ID `{id}` がレッスン内で 2 回使われています。ステップごとに別の ID を付けてください",
        ),
        /// A step without a kind.
        StepNoKind => (
            "the step has no kind: give one of read, quiz, predict, policy, task, investigate",
            "ステップに種類がありません: read、quiz、predict、policy、task、investigate のいずれかを書いてください",
        ),
        /// A step with several kinds.
        StepManyKinds => (
            "the step has {n} kinds ({kinds}); give exactly one, and split the rest into steps of their own",
            "ステップに種類が {n} つあります ({kinds})。1 つだけにして、残りは別のステップに分けてください",
        ),
        /// A step of no kind (never reached: the kinds are counted first).
        StepEmpty => ("the step has no kind", "ステップに種類がありません"),
        /// An unknown `max_finding`.
        NotFindingType => (
            "`{value}` is not a finding type: ERROR, SECURITY_WARNING, WARNING or SUGGESTION",
            "`{value}` は検出結果のタイプではありません: ERROR、SECURITY_WARNING、WARNING、SUGGESTION のいずれかを書いてください",
        ),
        /// An `after` that is not a duration.
        NotDuration => (
            "`{value}` is not a duration: write a number and s, m, h or d, e.g. 3h or 1h30m",
            "`{value}` は期間ではありません: 数字と s、m、h、d で書いてください (例: 3h、1h30m)",
        ),
        /// An exercise without an id.
        ExerciseNeedsId => (
            "an exercise needs an `id` so that progress can be recorded, e.g. `id: add-deny`",
            "演習には進捗を記録するための `id` が必要です (例: `id: add-deny`)",
        ),

        // Running exercises
        /// A predict step's answer asked of another kind of step.
        NotPredictStep => ("not a predict step", "予想のステップではありません"),
        /// A policy check asked of another kind of step.
        NotPolicyStep => ("not a policy step", "ポリシーのステップではありません"),
        /// An exercise's scenario does not load.
        ExerciseScenario => (
            "the exercise's scenario does not load: {error}",
            "演習のシナリオを読み込めません: {error}",
        ),
        /// `attach_to` names an identity the scenario lacks.
        PolicyTargetMissing => (
            "the exercise tests the policy on `{who}`, which is not in its scenario",
            "演習はポリシーを `{who}` で試しますが、シナリオに `{who}` がありません",
        ),
        /// A task's `as` is a role.
        TaskActsAs => (
            "a task acts as root or a user, not `{who}`",
            "タスクはルートユーザーかユーザーとして実行します。`{who}` としては実行できません",
        ),
        /// The shape of a task's near miss.
        NearMissTask => (
            "a near miss of a Task step is a list of commands",
            "タスクの誤答例はコマンドのリストです",
        ),
        /// The shape of a policy exercise's near miss.
        NearMissPolicy => (
            "a near miss of a Policy step is a policy document",
            "ポリシー演習の誤答例はポリシードキュメントです",
        ),
        /// The shape of an investigation's near miss.
        NearMissInvestigate => (
            "a near miss of an Investigate step is an answer",
            "調査の誤答例は答えです",
        ),
        /// The shape of a quiz's near miss.
        NearMissQuiz => (
            "a near miss of a Quiz step is a list of choice numbers",
            "クイズの誤答例は選択肢の番号のリストです",
        ),
        /// A near miss of a step kind that has none; `{kind}` is `read` or `predict`.
        NearMissUnused => (
            "a near miss of a {kind} step is not used by this kind of step",
            "{kind} のステップでは誤答例を使いません",
        ),
        /// A principal naming a user the account lacks.
        NoUser => ("no user `{name}`", "ユーザー `{name}` はありません"),
        /// A principal naming a role the account lacks.
        NoRole => ("no role `{name}`", "ロール `{name}` はありません"),
        /// A web identity session naming a token the scenario does not declare.
        NoToken => (
            "no web identity token `{name}` in the scenario; name one of its `web_identity_tokens`",
            "シナリオにウェブ ID トークン `{name}` はありません。シナリオの `web_identity_tokens` のトークンを指定してください",
        ),
        /// A web identity token that is not one a known issuer signed.
        TokenInvalid => (
            "STS cannot validate the web identity token `{name}`, so it gets no session",
            "STS はウェブ ID トークン `{name}` を検証できないため、このトークンではセッションを取得できません",
        ),
        /// A web identity token whose issuer has no OIDC provider in the account.
        TokenNoProvider => (
            "the account has no OpenID Connect provider for the issuer of the token `{name}`, so it gets no session",
            "アカウントにトークン `{name}` の発行者の OpenID Connect プロバイダーがないため、このトークンではセッションを取得できません",
        ),
        /// A web identity token with no audience its provider lists.
        TokenAudience => (
            "the account's OpenID Connect provider lists none of the audiences of the token `{name}`, so it gets no session",
            "アカウントの OpenID Connect プロバイダーにトークン `{name}` のオーディエンスがないため、このトークンではセッションを取得できません",
        ),
        /// A web identity token that has expired.
        TokenExpired => (
            "the web identity token `{name}` has expired, so it gets no session",
            "ウェブ ID トークン `{name}` は有効期限が切れているため、このトークンではセッションを取得できません",
        ),
        /// A principal string of no known form.
        NotPrincipal => (
            "`{who}` is not a principal: write root, user/NAME, role/NAME or an ARN",
            "`{who}` はプリンシパルではありません: root、user/NAME、role/NAME、または ARN を書いてください",
        ),

        // The `lessons` subcommands
        /// `lessons lint`: one pack's tally.
        LintSummary => (
            "{id} ({origin}): {lessons} lesson(s), {errors} error(s), {warnings} warning(s)",
            "{id} ({origin}): レッスン {lessons} 個、エラー {errors} 件、警告 {warnings} 件",
        ),
        /// `lessons list`: a pack that could not be used.
        BrokenPack => ("(broken pack) {error}", "(読み込めないパック) {error}"),
        /// `lessons list`: one lesson (after its padded id).
        ListLesson => (
            "{title} ({minutes} min; {exercises} exercise(s))",
            "{title} ({minutes} 分、演習 {exercises} 個)",
        ),
        /// `lessons list`: a lesson file that did not load (after its padded file name).
        ListBroken => ("BROKEN: {error}", "読み込めません: {error}"),
        /// `lessons new`: the folder exists.
        NewExists => (
            "iamdojo lessons new: `{dir}` already exists; choose a new folder name",
            "iamdojo lessons new: `{dir}` はすでに存在します。新しいフォルダー名を指定してください",
        ),
        /// `lessons new`: a folder cannot be created.
        NewCannotCreate => (
            "iamdojo lessons new: cannot create `{dir}`: {error}",
            "iamdojo lessons new: `{dir}` を作成できません: {error}",
        ),
        /// `lessons new`: a file cannot be written.
        NewCannotWrite => (
            "iamdojo lessons new: cannot write `{file}`: {error}",
            "iamdojo lessons new: `{file}` に書き込めません: {error}",
        ),
        /// `lessons new`: done, and what to do next.
        NewCreated => (
            "Created the pack `{id}` in {dir}.\nCheck it:  iamdojo lessons lint {dir}\nTry it:    iamdojo --pack {dir}",
            "パック `{id}` を {dir} に作成しました。\n確認:  iamdojo lessons lint {dir}\n試す:  iamdojo --pack {dir}",
        ),
    }
}
