//! The interface's language and the Japanese gloss of AWS's error codes; the interface's
//! strings themselves are entries of the catalog (`crate::msg::ui`).

/// The interface languages (the crate's one [`crate::lang::Lang`]).
pub use crate::lang::Lang;
pub use crate::msg::Message;
pub use crate::msg::ui::{Plain, Ui};

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
        "ポリシードキュメントの書き方が正しくありません。理由は `explain` で確認できます。",
    ),
    (
        "MalformedPolicy",
        "ポリシーの書き方が正しくありません。理由は `explain` で確認できます。",
    ),
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
    (
        "SignatureDoesNotMatch",
        "シークレットアクセスキーがアクセスキー ID と組になっていないため、署名が一致しませんでした。キーを作成したときに表示されたシークレットを設定してください。",
    ),
    (
        "InvalidClientTokenId",
        "このアクセスキー ID は存在しないか、無効になっています。",
    ),
    ("ExpiredToken", "一時的な認証情報の有効期限が切れています。"),
    ("InvalidBucketName", "バケット名の規則に合っていません。"),
    ("InvalidArgument", "引数が正しくありません。"),
    (
        "InvalidAuthenticationCode",
        "MFA の認証コードが正しくありません。デバイスに表示されている現在のコードを入力してください。",
    ),
    (
        "InvalidAuthorizationMessageException",
        "エンコードされた認証メッセージが正しくありません。",
    ),
    (
        "InvalidGroup.Duplicate",
        "同じ名前のセキュリティグループがすでに存在します。",
    ),
    (
        "InvalidGroup.NotFound",
        "指定したセキュリティグループが存在しません。",
    ),
    ("InvalidAMIID.NotFound", "指定した AMI が存在しません。"),
    (
        "InvalidInstanceID.NotFound",
        "指定したインスタンスが存在しません。",
    ),
    (
        "InvalidSubnetID.NotFound",
        "指定したサブネットが存在しません。",
    ),
    ("InvalidVpcID.NotFound", "指定した VPC が存在しません。"),
    (
        "InvalidPermission.Duplicate",
        "同じルールがすでにセキュリティグループにあります。",
    ),
    (
        "InvalidPermission.NotFound",
        "指定したルールはセキュリティグループにありません。",
    ),
    (
        "InvalidParameterCombination",
        "同時に指定できないパラメーターの組み合わせです。",
    ),
    (
        "InvalidParameterException",
        "パラメーターが正しくありません。",
    ),
    (
        "InvalidLookupAttributesException",
        "検索条件 (--lookup-attributes) が正しくありません。",
    ),
    (
        "InvalidWaiter",
        "`aws ec2 wait` の後に指定した待機条件はありません。メッセージにある名前から選んでください。",
    ),
    ("MalformedXML", "リクエストの XML が正しくありません。"),
    (
        "NoSuchPublicAccessBlockConfiguration",
        "このバケットにはパブリックアクセスブロックの設定がありません。",
    ),
    ("BadRequestException", "リクエストが正しくありません。"),
    (
        "DuplicateRecordException",
        "同じレコードがすでに存在します。",
    ),
    (
        "ValidationException",
        "入力値がチェックを通りませんでした。",
    ),
    ("TrailNotFoundException", "指定した証跡が存在しません。"),
    (
        "TrailAlreadyExistsException",
        "同じ名前の証跡がすでに存在します。",
    ),
    (
        "S3BucketDoesNotExistException",
        "証跡のログの保存先に指定した S3 バケットが存在しません。",
    ),
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
