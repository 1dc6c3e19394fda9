//! The sentence a goal check reads as, in English or Japanese, in the state the sandbox is in:
//! "The user aoi exists." once it holds, "The user aoi does not exist yet." before.
//!
//! Every leaf check states one fact in four forms: the goal wants the fact and it holds
//! (`yes`), wants it and it does not hold yet (`not_yet`), wants it gone and it is gone
//! (`no_longer`), wants it gone and it is still there (`still`). A `not` flips what the goal
//! wants, so `not: {exists: …}` reads "… no longer exists." rather than a double negative, and
//! `not` over `all`/`any` moves inward by De Morgan's laws. Checks that are the opposite of
//! another (`absent`, `cannot`, `no_finding`, `public: false`, …) use that one's fact flipped.

use super::{entity_exists, holds, matching_instances, password_field_holds};
use crate::account::command::Sandbox;
use crate::lesson::model::{
    Attachee, Check, EntityKind, Goal, InstancesCheck, KeyCheck, KeyWant, MfaOf, PasswordRule,
    RequestSpec,
};

/// The four forms of a fact, see the module comment.
struct Forms {
    yes: String,
    not_yet: String,
    no_longer: String,
    still: String,
}

impl Forms {
    /// The form for what the goal wants and whether the fact holds.
    fn pick(self, want: bool, fact: bool) -> String {
        match (want, fact) {
            (true, true) => self.yes,
            (true, false) => self.not_yet,
            (false, false) => self.no_longer,
            (false, true) => self.still,
        }
    }
}

fn forms(yes: String, not_yet: String, no_longer: String, still: String) -> Forms {
    Forms {
        yes,
        not_yet,
        no_longer,
        still,
    }
}

/// The sentence for a check in `lang` (`ja` for Japanese, English otherwise); `holds` is
/// whether the check holds, already decided by the caller (deciding it again would run an
/// audit twice for a `finding` check).
pub(super) fn sentence(sb: &Sandbox, c: &Check, lang: &str, holds: bool) -> String {
    let ja = lang.starts_with("ja");
    let compound = matches!(c, Check::Not(_) | Check::All(_) | Check::Any(_));
    let s = if compound {
        node(sb, c, true, ja)
    } else {
        leaf_known(sb, c, true, ja, Some(holds))
    };
    let s = if s.is_empty() {
        if ja {
            "空のチェックです。"
        } else {
            "An empty check."
        }
        .to_string()
    } else {
        s
    };
    if ja { spaced(&s) } else { s }
}

/// `want`: the goal asks for the check to hold (true) or, under a `not`, not to hold.
fn node(sb: &Sandbox, c: &Check, want: bool, ja: bool) -> String {
    match c {
        Check::Not(n) => node(sb, &n.check, !want, ja),
        Check::All(all) if want => every(sb, all, true, ja),
        Check::All(all) => some(sb, all, false, ja),
        Check::Any(any) if want => some(sb, any, true, ja),
        Check::Any(any) => every(sb, any, false, ja),
        leaf_check => leaf(sb, leaf_check, want, ja),
    }
}

fn join(parts: impl Iterator<Item = String>, ja: bool) -> String {
    parts
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(if ja { "" } else { " " })
}

/// Each of the checks, each in its own state.
fn every(sb: &Sandbox, cs: &[Goal], want: bool, ja: bool) -> String {
    join(cs.iter().map(|x| node(sb, &x.check, want, ja)), ja)
}

/// One of the checks: those that are met, or (when none is) all of them as the choices.
fn some(sb: &Sandbox, cs: &[Goal], want: bool, ja: bool) -> String {
    let met: Vec<&Check> = cs
        .iter()
        .map(|x| &x.check)
        .filter(|x| holds(sb, x) == want)
        .collect();
    if !met.is_empty() {
        return join(met.into_iter().map(|x| node(sb, x, want, ja)), ja);
    }
    let choices = cs
        .iter()
        .map(|x| node(sb, &x.check, want, ja))
        .collect::<Vec<_>>()
        .join(" / ");
    if ja {
        format!("次のいずれかが必要です: {choices}")
    } else {
        format!("One of these is needed: {choices}")
    }
}

fn leaf(sb: &Sandbox, c: &Check, want: bool, ja: bool) -> String {
    leaf_known(sb, c, want, ja, None)
}

/// [`leaf`], with whether the check holds when the caller already knows it.
fn leaf_known(sb: &Sandbox, c: &Check, want: bool, ja: bool, known: Option<bool>) -> String {
    let a = &sb.account;
    let fact = known.unwrap_or_else(|| holds(sb, c));
    // The check as (forms of a fact, whether the check is that fact's opposite).
    let (f, flip) = match c {
        Check::Exists(m) | Check::Absent(m) => {
            let flip = matches!(c, Check::Absent(_));
            return join(
                m.iter()
                    .map(|e| entity(e.kind, &e.name, ja).pick(want != flip, entity_exists(a, e))),
                ja,
            );
        }
        Check::LoginProfile(l) => (login_profile(&l.user, l.password_reset_required, ja), false),
        Check::CliProfile(p) => (cli_profile(&p.name, &p.user, ja), false),
        Check::Called(x) => (called(&x.operation, &who(&x.principal, ja), ja), false),
        Check::Can(r) => (can(r, ja), false),
        Check::Cannot(r) => (can(r, ja), true),
        Check::MemberOf(m) => (member_of(&m.user, &m.group, ja), false),
        Check::PolicyAttached { to, name, policy } => {
            (policy_attached(*to, name, policy, ja), false)
        }
        Check::MfaEnabled(MfaOf::Root) => (mfa("", true, ja), false),
        Check::MfaEnabled(MfaOf::User(u)) => (mfa(u, false, ja), false),
        Check::AccessKeyStatus(k) => (access_key(k, ja), false),
        Check::PasswordPolicy(rules) => return password_policy(sb, rules, want, ja),
        Check::Finding(f) => (finding(&f.control, f.resource.as_deref(), ja), false),
        Check::NoFinding(f) => (finding(&f.control, f.resource.as_deref(), ja), true),
        Check::BucketPublic(b) => (bucket_public(&b.bucket, ja), !b.public),
        Check::PortOpen(p) => {
            let cidr = p.cidr.as_deref().unwrap_or("0.0.0.0/0");
            (port_open(p.port, cidr, ja), !p.open)
        }
        Check::TrailLogging(on) => (trail_logging(ja), !on),
        Check::Budget(b) => (budget(b.max_limit.filter(|_| b.exists), ja), !b.exists),
        Check::Instances(i) => (instances(i, matching_instances(a, i), ja), false),
        Check::All(_) | Check::Any(_) | Check::Not(_) => return node(sb, c, want, ja),
    };
    f.pick(want != flip, fact != flip)
}

fn entity(kind: EntityKind, name: &str, ja: bool) -> Forms {
    let noun = if ja {
        let k = match kind {
            EntityKind::User => "ユーザー",
            EntityKind::Group => "グループ",
            EntityKind::Role => "ロール",
            EntityKind::Policy => "管理ポリシー",
            EntityKind::Bucket => "バケット",
            EntityKind::InstanceProfile => "インスタンスプロファイル",
            EntityKind::Trail => "証跡",
            EntityKind::SecurityGroup => "セキュリティグループ",
        };
        format!("{k} {name}")
    } else {
        let k = match kind {
            EntityKind::Policy => "managed policy",
            EntityKind::InstanceProfile => "instance profile",
            EntityKind::SecurityGroup => "security group",
            other => other.key(),
        };
        format!("The {k} {name}")
    };
    if ja {
        forms(
            format!("{noun}が存在します。"),
            format!("{noun}はまだ存在しません。"),
            format!("{noun}はもう存在しません。"),
            format!("{noun}はまだ存在します。"),
        )
    } else {
        forms(
            format!("{noun} exists."),
            format!("{noun} does not exist yet."),
            format!("{noun} no longer exists."),
            format!("{noun} still exists."),
        )
    }
}

fn member_of(user: &str, group: &str, ja: bool) -> Forms {
    if ja {
        forms(
            format!("{user}はグループ {group}のメンバーです。"),
            format!("{user}はまだグループ {group}のメンバーではありません。"),
            format!("{user}はもうグループ {group}のメンバーではありません。"),
            format!("{user}はまだグループ {group}のメンバーです。"),
        )
    } else {
        forms(
            format!("{user} is a member of the group {group}."),
            format!("{user} is not a member of the group {group} yet."),
            format!("{user} is no longer a member of the group {group}."),
            format!("{user} is still a member of the group {group}."),
        )
    }
}

fn policy_attached(to: Attachee, n: &str, policy: &str, ja: bool) -> Forms {
    let policy = policy.rsplit('/').next().unwrap_or(policy);
    let (k, k_ja) = match to {
        Attachee::User => ("user", "ユーザー"),
        Attachee::Group => ("group", "グループ"),
        Attachee::Role => ("role", "ロール"),
    };
    let target = if ja {
        format!("{k_ja} {n}")
    } else {
        format!("the {k} {n}")
    };
    if ja {
        forms(
            format!("管理ポリシー {policy}が{target}にアタッチされています。"),
            format!("管理ポリシー {policy}はまだ{target}にアタッチされていません。"),
            format!("管理ポリシー {policy}はもう{target}にアタッチされていません。"),
            format!("管理ポリシー {policy}はまだ{target}にアタッチされています。"),
        )
    } else {
        forms(
            format!("The managed policy {policy} is attached to {target}."),
            format!("The managed policy {policy} is not attached to {target} yet."),
            format!("The managed policy {policy} is no longer attached to {target}."),
            format!("The managed policy {policy} is still attached to {target}."),
        )
    }
}

fn mfa(user: &str, root: bool, ja: bool) -> Forms {
    if ja {
        let s = if root { "ルートユーザー" } else { user };
        forms(
            format!("{s}の多要素認証 (MFA) が有効です。"),
            format!("{s}の多要素認証 (MFA) はまだ有効ではありません。"),
            format!("{s}の多要素認証 (MFA) はもう有効ではありません。"),
            format!("{s}の多要素認証 (MFA) はまだ有効です。"),
        )
    } else {
        let s = if root { "the root user" } else { user };
        forms(
            format!("MFA is enabled for {s}."),
            format!("MFA is not enabled for {s} yet."),
            format!("MFA is no longer enabled for {s}."),
            format!("MFA is still enabled for {s}."),
        )
    }
}

fn access_key(k: &KeyCheck, ja: bool) -> Forms {
    let status = match k.status {
        KeyWant::Active => "Active",
        KeyWant::Inactive => "Inactive",
        KeyWant::None => "none",
    };
    let user = k.user.as_deref();
    let key = k.key.as_ref();
    if ja {
        let owner = user.unwrap_or("ルートユーザー");
        let s = match key {
            Some(k) => format!("{owner}のアクセスキー {k}"),
            None => format!("{owner}のアクセスキー"),
        };
        return match (status, key) {
            ("none", Some(_)) => forms(
                format!("{s}は削除されています。"),
                format!("{s}はまだ存在します。"),
                format!("{s}が存在します。"),
                format!("{s}は存在しません。"),
            ),
            ("none", None) => forms(
                format!("{owner}にはアクセスキーがありません。"),
                format!("{owner}にはまだアクセスキーがあります。"),
                format!("{owner}にはアクセスキーがあります。"),
                format!("{owner}にはまだアクセスキーがありません。"),
            ),
            ("Inactive", _) => forms(
                format!("{s}は無効 (Inactive) です。"),
                format!("{s}はまだ有効 (Active) です。"),
                format!("{s}は有効 (Active) です。"),
                format!("{s}はまだ無効 (Inactive) です。"),
            ),
            _ => forms(
                format!("{s}は有効 (Active) です。"),
                format!("{s}はまだ有効 (Active) ではありません。"),
                format!("{s}はもう有効 (Active) ではありません。"),
                format!("{s}はまだ有効 (Active) です。"),
            ),
        };
    }
    let owner = user.unwrap_or("the root user");
    let (s, be) = match key {
        Some(k) => (format!("The access key {k} of {owner}"), "is"),
        None => (format!("The access keys of {owner}"), "are"),
    };
    match (status, key) {
        ("none", Some(_)) => forms(
            format!("{s} has been deleted."),
            format!("{s} still exists."),
            format!("{s} exists."),
            format!("{s} does not exist."),
        ),
        ("none", None) => {
            let o = user.unwrap_or("The root user");
            forms(
                format!("{o} has no access keys."),
                format!("{o} still has an access key."),
                format!("{o} has an access key."),
                format!("{o} has no access key yet."),
            )
        }
        ("Inactive", _) => forms(
            format!("{s} {be} inactive."),
            format!("{s} {be} still active."),
            format!("{s} {be} active."),
            format!("{s} {be} still inactive."),
        ),
        _ => forms(
            format!("{s} {be} active."),
            format!("{s} {be} not active yet."),
            format!("{s} {be} no longer active."),
            format!("{s} {be} still active."),
        ),
    }
}

/// A password policy check names the fields that hold (or, not yet, those that do not).
fn password_policy(sb: &Sandbox, rules: &[PasswordRule], want: bool, ja: bool) -> String {
    let a = &sb.account;
    if a.password_policy.is_none() {
        return match (want, ja) {
            (true, true) => "パスワードポリシーはまだ設定されていません。",
            (true, false) => "No password policy is set yet.",
            (false, true) => "パスワードポリシーは設定されていません。",
            (false, false) => "No password policy is set.",
        }
        .to_string();
    }
    let fact = rules.iter().all(|r| password_field_holds(a, r));
    // The fields the sentence names: all of them when they all hold, else the failing ones.
    let list = rules
        .iter()
        .filter(|r| fact || !password_field_holds(a, r))
        .map(|r| password_field(r, ja))
        .collect::<Vec<_>>()
        .join(if ja { "、" } else { ", " });
    let f = if ja {
        forms(
            format!("パスワードポリシーは次のとおりです: {list}。"),
            format!("パスワードポリシーはまだ次のとおりではありません: {list}。"),
            format!("パスワードポリシーはもう次のとおりではありません: {list}。"),
            format!("パスワードポリシーはまだ次のとおりです: {list}。"),
        )
    } else {
        forms(
            format!("The password policy has: {list}."),
            format!("The password policy does not have yet: {list}."),
            format!("The password policy no longer has: {list}."),
            format!("The password policy still has: {list}."),
        )
    };
    f.pick(want, fact)
}

fn password_field(r: &PasswordRule, ja: bool) -> String {
    let required = |en: &str, jp: &str, on: bool| match (ja, on) {
        (true, true) => format!("{jp}が必須"),
        (true, false) => format!("{jp}は必須ではない"),
        (false, true) => format!("{en} required"),
        (false, false) => format!("{en} not required"),
    };
    match *r {
        PasswordRule::MinLength(n) if ja => format!("最小文字数 {n} 以上"),
        PasswordRule::MinLength(n) => format!("minimum length {n} or more"),
        PasswordRule::RequireSymbols(on) => required("symbols", "記号", on),
        PasswordRule::RequireNumbers(on) => required("numbers", "数字", on),
        PasswordRule::RequireUppercase(on) => required("uppercase letters", "大文字", on),
        PasswordRule::RequireLowercase(on) => required("lowercase letters", "小文字", on),
        PasswordRule::MaxAge(n) if ja => format!("有効期限 {n} 日以内"),
        PasswordRule::MaxAge(n) => format!("passwords expire within {n} days"),
        PasswordRule::ReusePrevention(n) if ja => format!("過去 {n} 個のパスワードの再利用を禁止"),
        PasswordRule::ReusePrevention(n) => format!("the last {n} passwords cannot be reused"),
        PasswordRule::AllowUsersToChange(on) => match (ja, on) {
            (true, true) => "ユーザー自身によるパスワード変更を許可".to_string(),
            (true, false) => "ユーザー自身によるパスワード変更を禁止".to_string(),
            (false, true) => "users may change their own password".to_string(),
            (false, false) => "users may not change their own password".to_string(),
        },
    }
}

fn finding(control: &str, resource: Option<&str>, ja: bool) -> Forms {
    let what = if ja {
        format!(
            "{control} ({})",
            control_ja(control).unwrap_or_else(|| control_en(control))
        )
    } else {
        format!("{control} ({})", control_en(control))
    };
    if ja {
        let on = resource.map(|r| format!("{r}について")).unwrap_or_default();
        forms(
            format!("監査で{on}{what}が報告されています。"),
            format!("監査ではまだ{on}{what}が報告されていません。"),
            format!("監査で{on}{what}はもう報告されていません。"),
            format!("監査ではまだ{on}{what}が報告されています。"),
        )
    } else {
        let on = resource.map(|r| format!(" for {r}")).unwrap_or_default();
        forms(
            format!("The audit reports {what}{on}."),
            format!("The audit does not report {what}{on} yet."),
            format!("The audit no longer reports {what}{on}."),
            format!("The audit still reports {what}{on}."),
        )
    }
}

/// A control's title as a clause ("a user with a console password has no MFA").
fn control_en(id: &str) -> String {
    let title = crate::audit::controls::controls()
        .into_iter()
        .find(|c| c.id == id)
        .map_or("an unknown control", |c| c.title(crate::lang::Lang::En));
    let first = title.split(' ').next().unwrap_or("");
    if matches!(first, "A" | "An" | "The" | "No" | "More" | "Account-level") {
        let mut cs = title.chars();
        cs.next()
            .map(|c| c.to_ascii_lowercase().to_string() + cs.as_str())
            .unwrap_or_default()
    } else {
        title.to_string()
    }
}

/// A control's meaning in Japanese.
fn control_ja(id: &str) -> Option<String> {
    Some(
        match id {
            "IAM.4" => "ルートユーザーにアクセスキーがある",
            "IAM.9" => "ルートユーザーの MFA が有効ではない",
            "IAM.6" => "ルートユーザーのハードウェア MFA が有効ではない",
            "IAM.1" => "カスタマー管理ポリシーが \"*\" の完全な管理者権限を付与している",
            "S3.2" => "S3 バケットがパブリック読み取りアクセスを許可している",
            "S3.3" => "S3 バケットがパブリック書き込みアクセスを許可している",
            "EC2.13" => "セキュリティグループがどこからでも SSH (ポート 22) を許可している",
            "EC2.14" => "セキュリティグループがどこからでも RDP (ポート 3389) を許可している",
            "EC2.53" => "セキュリティグループが 0.0.0.0/0 からリモート管理ポートを許可している",
            "EC2.54" => "セキュリティグループが ::/0 からリモート管理ポートを許可している",
            "EC2.2" => "デフォルトのセキュリティグループがトラフィックを許可している",
            "EC2.8" => "EC2 インスタンスが IMDSv2 を必須にしていない",
            "CloudTrail.1" => "ログを記録しているマルチリージョンの証跡がない",
            "GuardDuty.1" => "GuardDuty が有効ではない",
            "IAM.5" => "コンソールパスワードを持つユーザーに MFA がない",
            "IAM.19" => "ユーザーの MFA が有効ではない",
            "IAM.3" => "アクセスキーが 90 日以上ローテーションされていない",
            "IAM.8" => "ユーザーの認証情報が 90 日間使われていない",
            "IAM.22" => "ユーザーの認証情報が 45 日間使われていない",
            "IAM.7" => "パスワードポリシーが弱い",
            "IAM.11" => "パスワードポリシーが大文字を必須にしていない",
            "IAM.12" => "パスワードポリシーが小文字を必須にしていない",
            "IAM.13" => "パスワードポリシーが記号を必須にしていない",
            "IAM.14" => "パスワードポリシーが数字を必須にしていない",
            "IAM.15" => "パスワードポリシーが 14 文字未満のパスワードを許可している",
            "IAM.16" => "パスワードポリシーが最近のパスワードの再利用を許可している",
            "IAM.17" => "パスワードポリシーが 90 日以内にパスワードを失効させない",
            "S3.1" => "アカウントの S3 ブロックパブリックアクセスが完全には有効ではない",
            "S3.8" => "S3 バケットがパブリックアクセスをブロックしていない",
            "IAM.2" => "ユーザーにグループ経由ではなく直接ポリシーがアタッチされている",
            "IAM.21" => "カスタマー管理ポリシーがサービス全体 (\"service:*\") を許可している",
            "IAM.27" => "ID に AWSCloudShellFullAccess がアタッチされている",
            "IAM.18" => "AWS サポートのインシデント対応用のロールがない",
            "IAMDOJO.1" => "完全な管理者権限を持つ ID が複数ある",
            "IAMDOJO.2" => "ID が自分自身を管理者に昇格できる",
            "IAMDOJO.3" => "ロールの信頼ポリシーが誰でも、外部 ID のない別アカウント、またはウェブ ID プロバイダーの任意の ID を受け入れている",
            "IAMDOJO.4" => "ロールが 90 日間使われていない",
            "IAMDOJO.5" => "予期しない請求を警告する予算や請求アラームがない",
            "IAMDOJO.6" => "ルートユーザーが最近使われた",
            "IAMDOJO.7" => "アクセスキーが既知の悪意のある IP や普段と違う場所から使われた",
            "IAMDOJO.8" => "GuardDuty にアクティブな検出結果がある",
            "IAMDOJO.9" => "アクセスキーが有効なのに一度も使われていない",
            "IAMDOJO.10" => "ポリシーに無効な、または何も許可しないエントリ (タイプミス) がある",
            "IAMDOJO.11" => "ポリシーが危険な権限を付与している",
            "IAMDOJO.12" => "ポリシーに見た目どおりに働かないエントリがある",
            _ => return None,
        }
        .to_string(),
    )
}

fn bucket_public(bucket: &str, ja: bool) -> Forms {
    if ja {
        forms(
            format!("バケット {bucket}は公開されています。"),
            format!("バケット {bucket}はまだ公開されていません。"),
            format!("バケット {bucket}はもう公開されていません。"),
            format!("バケット {bucket}はまだ公開されています。"),
        )
    } else {
        forms(
            format!("The bucket {bucket} is public."),
            format!("The bucket {bucket} is not public yet."),
            format!("The bucket {bucket} is no longer public."),
            format!("The bucket {bucket} is still public."),
        )
    }
}

fn port_open(port: i64, cidr: &str, ja: bool) -> Forms {
    if ja {
        forms(
            format!("セキュリティグループがポート {port}を {cidr}に開いています。"),
            format!("ポート {port}を {cidr}に開いているセキュリティグループはまだありません。"),
            format!("ポート {port}を {cidr}に開いているセキュリティグループはもうありません。"),
            format!("セキュリティグループがまだポート {port}を {cidr}に開いています。"),
        )
    } else {
        forms(
            format!("A security group opens port {port} to {cidr}."),
            format!("No security group opens port {port} to {cidr} yet."),
            format!("No security group opens port {port} to {cidr} any more."),
            format!("A security group still opens port {port} to {cidr}."),
        )
    }
}

fn trail_logging(ja: bool) -> Forms {
    let s = |x: &str| x.to_string();
    if ja {
        forms(
            s("マルチリージョンの証跡がログを記録しています。"),
            s("ログを記録しているマルチリージョンの証跡はまだありません。"),
            s("ログを記録しているマルチリージョンの証跡はもうありません。"),
            s("マルチリージョンの証跡がまだログを記録しています。"),
        )
    } else {
        forms(
            s("A multi-Region trail is logging."),
            s("No multi-Region trail is logging yet."),
            s("No multi-Region trail is logging any more."),
            s("A multi-Region trail is still logging."),
        )
    }
}

fn budget(max_limit: Option<f64>, ja: bool) -> Forms {
    if ja {
        let lim = max_limit
            .map(|m| format!("上限 {m} USD 以下の"))
            .unwrap_or_default();
        forms(
            format!("{lim}予算または請求アラームが設定されています。"),
            format!("{lim}予算または請求アラームはまだ設定されていません。"),
            format!("{lim}予算または請求アラームはもう設定されていません。"),
            format!("{lim}予算または請求アラームがまだ設定されています。"),
        )
    } else {
        let lim = max_limit
            .map(|m| format!(" of at most {m} USD"))
            .unwrap_or_default();
        forms(
            format!("A budget or billing alarm{lim} is set."),
            format!("No budget or billing alarm{lim} is set yet."),
            format!("No budget or billing alarm{lim} is set any more."),
            format!("A budget or billing alarm{lim} is still set."),
        )
    }
}

fn instances(i: &InstancesCheck, n: usize, ja: bool) -> Forms {
    use crate::lesson::model::InstanceState;
    if ja {
        let state = i.state.map(|s| match s {
            InstanceState::Running => "実行中の",
            InstanceState::Stopped => "停止済みの",
            InstanceState::Terminated => "終了済みの",
        });
        let ty = i.instance_type.as_deref().map(|t| format!("{t} "));
        let noun = format!(
            "{}{}インスタンス",
            state.unwrap_or_default(),
            ty.unwrap_or_default()
        );
        let q = match (i.count, i.min, i.max) {
            (Some(c), _, _) => format!("ちょうど {c} 台"),
            (None, Some(lo), Some(hi)) => format!("最低 {lo} 台・最大 {hi} 台"),
            (None, Some(lo), None) => format!("最低 {lo} 台"),
            (None, None, Some(hi)) => format!("最大 {hi} 台"),
            (None, None, None) => "任意の台数".to_string(),
        };
        return forms(
            format!("{noun}は {n} 台で、目標 ({q}) のとおりです。"),
            format!("{noun}は {n} 台です。目標は{q}です。"),
            format!("{noun}は {n} 台で、もう{q}ではありません。"),
            format!("{noun}はまだ {n} 台で、{q}のままです。"),
        );
    }
    let adj: String = [i.state.map(|s| s.as_str()), i.instance_type.as_deref()]
        .into_iter()
        .flatten()
        .map(|w| format!("{w} "))
        .collect();
    let (be, count) = if n == 1 {
        ("is", format!("1 {adj}instance"))
    } else {
        ("are", format!("{n} {adj}instances"))
    };
    let q = match (i.count, i.min, i.max) {
        (Some(c), _, _) => format!("exactly {c}"),
        (None, Some(lo), Some(hi)) => format!("between {lo} and {hi}"),
        (None, Some(lo), None) => format!("at least {lo}"),
        (None, None, Some(hi)) => format!("at most {hi}"),
        (None, None, None) => "any number".to_string(),
    };
    forms(
        format!("There {be} {count}, as the goal asks ({q})."),
        format!("There {be} {count}; the goal is {q}."),
        format!("There {be} {count}, no longer {q}."),
        format!("There {be} still {count} ({q})."),
    )
}

/// Who a principal string names, to begin a sentence with.
fn who(p: &str, ja: bool) -> String {
    let p = p.trim();
    if p == "root" || p.ends_with(":root") {
        return if ja {
            "ルートユーザー"
        } else {
            "The root user"
        }
        .to_string();
    }
    let tail = |marker: &str| {
        p.rsplit_once(marker)
            .map(|(_, t)| t.rsplit('/').next().unwrap_or(t).to_string())
    };
    if let Some(n) = tail(":user/").or_else(|| tail("user/").filter(|_| p.starts_with("user/"))) {
        return n;
    }
    if let Some(n) = tail(":role/").or_else(|| tail("role/").filter(|_| p.starts_with("role/"))) {
        return if ja {
            format!("ロール {n}")
        } else {
            format!("The role {n}")
        };
    }
    p.to_string()
}

/// What an action does, as a verb phrase (English) and a noun phrase (Japanese).
fn action_words(action: &str) -> Option<(&'static str, &'static str)> {
    Some(match action.to_ascii_lowercase().as_str() {
        "budgets:viewbudget" => ("view budgets", "予算の表示"),
        "ce:getcostandusage" => ("view costs and usage", "コストと使用量の表示"),
        "ec2:describeinstances" => ("list instances", "インスタンスの一覧表示"),
        "ec2:runinstances" => ("start instances", "インスタンスの起動"),
        "ec2:terminateinstances" => ("terminate instances", "インスタンスの終了"),
        "ec2:startinstances" => ("start stopped instances", "停止中のインスタンスの開始"),
        "ec2:stopinstances" => ("stop instances", "インスタンスの停止"),
        "iam:changepassword" => ("change their own password", "自分のパスワードの変更"),
        "iam:createuser" => ("create users", "ユーザーの作成"),
        "iam:deleteuser" => ("delete users", "ユーザーの削除"),
        "iam:listusers" => ("list users", "ユーザーの一覧表示"),
        "iam:passrole" => ("pass a role to a service", "サービスへのロールの受け渡し"),
        "iam:attachuserpolicy" => ("attach policies to users", "ユーザーへのポリシーのアタッチ"),
        "s3:deletebucket" => ("delete buckets", "バケットの削除"),
        "s3:deleteobject" => ("delete objects", "オブジェクトの削除"),
        "s3:getobject" => ("read objects", "オブジェクトの読み取り"),
        "s3:listallmybuckets" => ("list buckets", "バケットの一覧表示"),
        "s3:listbucket" => (
            "list the objects in a bucket",
            "バケット内のオブジェクトの一覧表示",
        ),
        "s3:putobject" => ("upload objects", "オブジェクトのアップロード"),
        "sts:assumerole" => ("assume the role", "ロールの引き受け"),
        _ => return None,
    })
}

fn can(r: &RequestSpec, ja: bool) -> Forms {
    let p = who(&r.principal, ja);
    let act = &r.action;
    let res = r.resource.trim();
    let role = res
        .rsplit_once(":role/")
        .map(|(_, n)| n.rsplit('/').next().unwrap_or(n));
    let target = if res == "*" || res.is_empty() {
        None
    } else if let Some(n) = role {
        Some(if ja {
            format!("ロール {n}")
        } else {
            format!("the role {n}")
        })
    } else {
        Some(res.strip_prefix("arn:aws:s3:::").unwrap_or(res).to_string())
    };
    if ja {
        let on = target.map(|t| format!("{t}に対する")).unwrap_or_default();
        let what = match action_words(act) {
            Some((_, w)) => format!("{on}{w} ({act})"),
            None => format!("{on}{act}の呼び出し"),
        };
        return forms(
            format!("{p}は{what}ができます。"),
            format!("{p}はまだ{what}ができません。"),
            format!("{p}は{what}ができません。"),
            format!("{p}はまだ{what}ができます。"),
        );
    }
    let on = target.map(|t| format!(" on {t}")).unwrap_or_default();
    let what = match action_words(act) {
        Some((w, _)) => format!("{w} ({act}){on}"),
        None => format!("call {act}{on}"),
    };
    forms(
        format!("{p} can {what}."),
        format!("{p} still cannot {what}."),
        format!("{p} cannot {what}."),
        format!("{p} can still {what}."),
    )
}

fn login_profile(user: &str, reset: Option<bool>, ja: bool) -> Forms {
    if ja {
        let q = match reset {
            Some(true) => "次回サインイン時に変更が必要な",
            Some(false) => "変更が不要な",
            None => "",
        };
        forms(
            format!("{user}には{q}コンソールパスワードがあります。"),
            format!("{user}にはまだ{q}コンソールパスワードがありません。"),
            format!("{user}にはもう{q}コンソールパスワードがありません。"),
            format!("{user}にはまだ{q}コンソールパスワードがあります。"),
        )
    } else {
        let q = match reset {
            Some(true) => " that must be changed at the next sign-in",
            Some(false) => " that need not be changed",
            None => "",
        };
        forms(
            format!("{user} has a console password{q}."),
            format!("{user} has no console password{q} yet."),
            format!("{user} no longer has a console password{q}."),
            format!("{user} still has a console password{q}."),
        )
    }
}

fn cli_profile(name: &str, user: &str, ja: bool) -> Forms {
    if ja {
        forms(
            format!("CLI プロファイル {name}に {user}の有効なアクセスキーが設定されています。"),
            format!(
                "CLI プロファイル {name}にはまだ {user}の有効なアクセスキーが設定されていません。"
            ),
            format!(
                "CLI プロファイル {name}にはもう {user}の有効なアクセスキーが設定されていません。"
            ),
            format!(
                "CLI プロファイル {name}にはまだ {user}の有効なアクセスキーが設定されています。"
            ),
        )
    } else {
        forms(
            format!("The CLI profile {name} holds an active access key of {user}."),
            format!("The CLI profile {name} does not hold an active access key of {user} yet."),
            format!("The CLI profile {name} no longer holds an active access key of {user}."),
            format!("The CLI profile {name} still holds an active access key of {user}."),
        )
    }
}

fn called(op: &str, p: &str, ja: bool) -> Forms {
    if ja {
        forms(
            format!("{p}は {op}の呼び出しに成功しています。"),
            format!("{p}はまだ {op}の呼び出しに成功していません。"),
            format!("{p}は {op}を呼び出していません。"),
            format!("{p}は {op}を呼び出しています。"),
        )
    } else {
        forms(
            format!("{p} has called {op} successfully."),
            format!("{p} has not called {op} successfully yet."),
            format!("{p} has not called {op}."),
            format!("{p} has called {op}."),
        )
    }
}

/// Japanese text with a half-width space wherever a Japanese word meets an ASCII word, as
/// the Japanese AWS documentation writes them ("ユーザー aoi が"); names come from data, so
/// the templates leave the spacing to this.
fn spaced(s: &str) -> String {
    fn japanese(c: char) -> bool {
        !c.is_ascii() && !c.is_whitespace() && !"。、：「」（）・～".contains(c)
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if let Some(p) = prev {
            let ascii_then_ja = p.is_ascii_graphic() && !matches!(p, '(' | '[') && japanese(c);
            let ja_then_ascii = japanese(p)
                && c.is_ascii_graphic()
                && !matches!(c, ')' | ']' | ':' | ',' | '.' | '!' | '?');
            if ascii_then_ja || ja_then_ascii {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}
