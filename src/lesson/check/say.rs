//! The sentence a goal check reads as, in English or Japanese, in the state the sandbox is in:
//! "The user aoi exists." once it holds, "The user aoi does not exist yet." before. The words
//! are the catalog's (`msg::goal::Goal`); this module chooses which entry to say and with
//! which names.
//!
//! Every leaf check states one fact in four forms: the goal wants the fact and it holds
//! (`yes`), wants it and it does not hold yet (`not_yet`), wants it not to hold and it does
//! not (`not`), wants it not to hold and it still does (`still`). A `not` flips what the goal
//! wants, so `not: {exists: …}` reads "… does not exist." rather than a double negative, and
//! `not` over `all`/`any` moves inward by De Morgan's laws. Checks that are the opposite of
//! another (`absent`, `cannot`, `no_finding`, `public: false`, …) use that one's fact flipped.
//!
//! The `not` form states the present only ("The user aoi does not exist.", never "no longer
//! exists"): the sandbox knows the state it is in, not whether the thing was ever there, and a
//! goal such as `absent` is often met from the start (a name the learner must not create).

use std::fmt::Display;

use super::{entity_exists, holds, matching_instances, password_field_holds};
use crate::account::command::Sandbox;
use crate::lang::Lang;
use crate::lesson::model::{
    Attachee, Check, EntityKind, Goal, InstanceState, InstancesCheck, KeyCheck, KeyWant, MfaOf,
    PasswordRule, PrincipalSpec, RequestSpec,
};
use crate::msg::Message;
use crate::msg::goal::Goal as Say;

/// The four forms of a fact (see the module comment) and the values their templates name.
struct Forms {
    yes: Say,
    not_yet: Say,
    not: Say,
    still: Say,
    args: Vec<(&'static str, String)>,
}

impl Forms {
    /// The sentence for what the goal wants and whether the fact holds.
    fn pick(self, lang: Lang, want: bool, fact: bool) -> String {
        let form = match (want, fact) {
            (true, true) => self.yes,
            (true, false) => self.not_yet,
            (false, false) => self.not,
            (false, true) => self.still,
        };
        fill(form, lang, &self.args)
    }
}

/// The four forms `[yes, not_yet, not, still]` with their values.
fn forms(f: [Say; 4], args: Vec<(&'static str, String)>) -> Forms {
    let [yes, not_yet, not, still] = f;
    Forms {
        yes,
        not_yet,
        not,
        still,
        args,
    }
}

/// `m` in `lang` with owned values.
fn fill(m: Say, lang: Lang, args: &[(&'static str, String)]) -> String {
    let refs: Vec<(&str, &dyn Display)> =
        args.iter().map(|(k, v)| (*k, v as &dyn Display)).collect();
    m.fill(lang, &refs)
}

/// `m` in `lang` with one value.
fn fill1(m: Say, lang: Lang, name: &'static str, value: &str) -> String {
    m.fill(lang, &[(name, &value)])
}

/// The sentence for a check in `lang` (`ja` for Japanese, English otherwise); `holds` is
/// whether the check holds, already decided by the caller (deciding it again would run an
/// audit twice for a `finding` check).
pub(super) fn sentence(sb: &Sandbox, c: &Check, lang: &str, holds: bool) -> String {
    let lang = Lang::parse(lang).unwrap_or(Lang::En);
    let compound = matches!(c, Check::Not(_) | Check::All(_) | Check::Any(_));
    let s = if compound {
        node(sb, c, true, lang)
    } else {
        leaf_known(sb, c, true, lang, Some(holds))
    };
    let s = if s.is_empty() {
        Say::Empty.text(lang).to_string()
    } else {
        s
    };
    match lang {
        Lang::Ja => spaced(&s),
        Lang::En => s,
    }
}

/// `want`: the goal asks for the check to hold (true) or, under a `not`, not to hold.
fn node(sb: &Sandbox, c: &Check, want: bool, lang: Lang) -> String {
    match c {
        Check::Not(n) => node(sb, &n.check, !want, lang),
        Check::All(all) if want => every(sb, all, true, lang),
        Check::All(all) => some(sb, all, false, lang),
        Check::Any(any) if want => some(sb, any, true, lang),
        Check::Any(any) => every(sb, any, false, lang),
        leaf_check => leaf(sb, leaf_check, want, lang),
    }
}

/// The non-empty sentences one after another.
fn join(parts: impl Iterator<Item = String>, lang: Lang) -> String {
    parts
        .filter(|s| !s.is_empty())
        .reduce(|first, next| Say::Then.fill(lang, &[("first", &first), ("next", &next)]))
        .unwrap_or_default()
}

/// Each of the checks, each in its own state.
fn every(sb: &Sandbox, cs: &[Goal], want: bool, lang: Lang) -> String {
    join(cs.iter().map(|x| node(sb, &x.check, want, lang)), lang)
}

/// One of the checks: those that are met, or (when none is) all of them as the choices.
fn some(sb: &Sandbox, cs: &[Goal], want: bool, lang: Lang) -> String {
    let met: Vec<&Check> = cs
        .iter()
        .map(|x| &x.check)
        .filter(|x| holds(sb, x) == want)
        .collect();
    if !met.is_empty() {
        return join(met.into_iter().map(|x| node(sb, x, want, lang)), lang);
    }
    let choices = cs
        .iter()
        .map(|x| node(sb, &x.check, want, lang))
        .collect::<Vec<_>>()
        .join(" / ");
    fill1(Say::OneOf, lang, "choices", &choices)
}

fn leaf(sb: &Sandbox, c: &Check, want: bool, lang: Lang) -> String {
    leaf_known(sb, c, want, lang, None)
}

/// [`leaf`], with whether the check holds when the caller already knows it.
fn leaf_known(sb: &Sandbox, c: &Check, want: bool, lang: Lang, known: Option<bool>) -> String {
    let a = &sb.account;
    let fact = known.unwrap_or_else(|| holds(sb, c));
    // The check as (forms of a fact, whether the check is that fact's opposite).
    let (f, flip) = match c {
        Check::Exists(m) | Check::Absent(m) => {
            let flip = matches!(c, Check::Absent(_));
            return join(
                m.iter().map(|e| {
                    entity(e.kind, &e.name, lang).pick(lang, want != flip, entity_exists(a, e))
                }),
                lang,
            );
        }
        Check::LoginProfile(l) => (
            login_profile(&l.user, l.password_reset_required, lang),
            false,
        ),
        Check::CliProfile(p) => (cli_profile(&p.name, &p.user), false),
        Check::Called(x) => (called(&x.operation, &who(&x.principal, lang)), false),
        Check::Can(r) => (can(a, r, lang), false),
        Check::Cannot(r) => (can(a, r, lang), true),
        Check::MemberOf(m) => (member_of(&m.user, &m.group), false),
        Check::PolicyAttached { to, name, policy } => {
            (policy_attached(*to, name, policy, lang), false)
        }
        Check::InlinePolicy { to, name, policy } => (inline_policy(*to, name, policy, lang), false),
        Check::MfaEnabled(MfaOf::Root) => (mfa(Say::RootUser.text(lang)), false),
        Check::MfaEnabled(MfaOf::User(u)) => (mfa(u), false),
        Check::AccessKeyStatus(k) => (access_key(k, lang), false),
        Check::PasswordPolicy(rules) => return password_policy(sb, rules, want, lang),
        Check::Finding(f) => (finding(&f.control, f.resource.as_deref(), lang), false),
        Check::NoFinding(f) => (finding(&f.control, f.resource.as_deref(), lang), true),
        Check::BucketPublic(b) => (bucket_public(&b.bucket), !b.public),
        Check::PortOpen(p) => {
            let cidr = p.cidr.as_deref().unwrap_or("0.0.0.0/0");
            (port_open(p.port, cidr), !p.open)
        }
        Check::TrailLogging(on) => (trail_logging(), !on),
        Check::Succeeds(cmds) => (succeeds(cmds.last().map_or("", String::as_str)), false),
        Check::Budget(b) => (
            budget(b.max_limit.filter(|_| b.exists), b.notifies, lang),
            !b.exists,
        ),
        Check::TrustOnly(t) => (trust_only(&t.role, &t.principals), false),
        Check::ProfileHolds(x) => (
            profile_holds(&x.profile, &x.role, x.instance.as_deref(), lang),
            false,
        ),
        Check::Instances(i) => (instances(i, matching_instances(a, i), lang), false),
        Check::All(_) | Check::Any(_) | Check::Not(_) => return node(sb, c, want, lang),
    };
    f.pick(lang, want != flip, fact != flip)
}

/// The kind of an entity as a sentence names it.
fn kind_word(kind: EntityKind) -> Say {
    match kind {
        EntityKind::User => Say::KindUser,
        EntityKind::Group => Say::KindGroup,
        EntityKind::Role => Say::KindRole,
        EntityKind::Policy => Say::KindPolicy,
        EntityKind::Bucket => Say::KindBucket,
        EntityKind::InstanceProfile => Say::KindInstanceProfile,
        EntityKind::Trail => Say::KindTrail,
        EntityKind::SecurityGroup => Say::KindSecurityGroup,
    }
}

fn entity(kind: EntityKind, name: &str, lang: Lang) -> Forms {
    forms(
        [
            Say::ExistsYes,
            Say::ExistsNotYet,
            Say::ExistsNot,
            Say::ExistsStill,
        ],
        vec![
            ("kind", kind_word(kind).text(lang).to_string()),
            ("name", name.to_string()),
        ],
    )
}

fn member_of(user: &str, group: &str) -> Forms {
    forms(
        [
            Say::MemberYes,
            Say::MemberNotYet,
            Say::MemberNot,
            Say::MemberStill,
        ],
        vec![("user", user.to_string()), ("group", group.to_string())],
    )
}

/// The identity a policy is attached to or embedded in, inside a sentence.
fn target(to: Attachee, n: &str, lang: Lang) -> String {
    let kind = match to {
        Attachee::User => Say::KindUser,
        Attachee::Group => Say::KindGroup,
        Attachee::Role => Say::KindRole,
    };
    Say::AttachTarget.fill(lang, &[("kind", &kind.text(lang)), ("name", &n)])
}

fn inline_policy(to: Attachee, n: &str, policy: &str, lang: Lang) -> Forms {
    forms(
        [
            Say::InlineYes,
            Say::InlineNotYet,
            Say::InlineNot,
            Say::InlineStill,
        ],
        vec![
            ("policy", policy.to_string()),
            ("target", target(to, n, lang)),
        ],
    )
}

fn policy_attached(to: Attachee, n: &str, policy: &str, lang: Lang) -> Forms {
    let policy = policy.rsplit('/').next().unwrap_or(policy);
    let target = target(to, n, lang);
    forms(
        [
            Say::AttachedYes,
            Say::AttachedNotYet,
            Say::AttachedNot,
            Say::AttachedStill,
        ],
        vec![("policy", policy.to_string()), ("target", target)],
    )
}

/// `who`: a user's name, or the root user in the learner's language.
fn mfa(who: &str) -> Forms {
    forms(
        [Say::MfaYes, Say::MfaNotYet, Say::MfaNot, Say::MfaStill],
        vec![("who", who.to_string())],
    )
}

fn access_key(k: &KeyCheck, lang: Lang) -> Forms {
    let owner = match &k.user {
        Some(u) => u.clone(),
        None => Say::RootUser.text(lang).to_string(),
    };
    let mut args = vec![("owner", owner)];
    if let Some(key) = &k.key {
        args.push(("key", key.clone()));
    }
    let f = match (k.status, k.key.is_some()) {
        (KeyWant::None, true) => [
            Say::KeyDeletedYes,
            Say::KeyDeletedNotYet,
            Say::KeyDeletedNot,
            Say::KeyDeletedStill,
        ],
        (KeyWant::None, false) => {
            // The owner begins this sentence.
            if k.user.is_none() {
                args = vec![("owner", Say::RootUserStart.text(lang).to_string())];
            }
            [
                Say::NoKeysYes,
                Say::NoKeysNotYet,
                Say::NoKeysNot,
                Say::NoKeysStill,
            ]
        }
        (KeyWant::Inactive, true) => [
            Say::KeyInactiveYes,
            Say::KeyInactiveNotYet,
            Say::KeyInactiveNot,
            Say::KeyInactiveStill,
        ],
        (KeyWant::Inactive, false) => [
            Say::KeysInactiveYes,
            Say::KeysInactiveNotYet,
            Say::KeysInactiveNot,
            Say::KeysInactiveStill,
        ],
        (KeyWant::Active, true) => [
            Say::KeyActiveYes,
            Say::KeyActiveNotYet,
            Say::KeyActiveNot,
            Say::KeyActiveStill,
        ],
        (KeyWant::Active, false) => [
            Say::KeysActiveYes,
            Say::KeysActiveNotYet,
            Say::KeysActiveNot,
            Say::KeysActiveStill,
        ],
    };
    forms(f, args)
}

/// A password policy check names the fields that hold (or, not yet, those that do not).
fn password_policy(sb: &Sandbox, rules: &[PasswordRule], want: bool, lang: Lang) -> String {
    let a = &sb.account;
    if a.password_policy.is_none() {
        let m = if want {
            Say::NoPasswordPolicyYet
        } else {
            Say::NoPasswordPolicy
        };
        return m.text(lang).to_string();
    }
    let fact = rules.iter().all(|r| password_field_holds(a, r));
    // The fields the sentence names: all of them when they all hold, else the failing ones.
    let list = rules
        .iter()
        .filter(|r| fact || !password_field_holds(a, r))
        .map(|r| password_field(r, lang))
        .reduce(|list, item| Say::ListMore.fill(lang, &[("list", &list), ("item", &item)]))
        .unwrap_or_default();
    forms(
        [
            Say::PasswordYes,
            Say::PasswordNotYet,
            Say::PasswordNot,
            Say::PasswordStill,
        ],
        vec![("list", list)],
    )
    .pick(lang, want, fact)
}

fn password_field(r: &PasswordRule, lang: Lang) -> String {
    let required = |field: Say, on: bool| {
        let m = if on {
            Say::FieldRequired
        } else {
            Say::FieldNotRequired
        };
        fill1(m, lang, "field", field.text(lang))
    };
    let number = |m: Say, n: u32| m.fill(lang, &[("n", &n)]);
    match *r {
        PasswordRule::MinLength(n) => number(Say::FieldMinLength, n),
        PasswordRule::RequireSymbols(on) => required(Say::FieldSymbols, on),
        PasswordRule::RequireNumbers(on) => required(Say::FieldNumbers, on),
        PasswordRule::RequireUppercase(on) => required(Say::FieldUppercase, on),
        PasswordRule::RequireLowercase(on) => required(Say::FieldLowercase, on),
        PasswordRule::MaxAge(n) => number(Say::FieldMaxAge, n),
        PasswordRule::ReusePrevention(n) => number(Say::FieldReusePrevention, n),
        PasswordRule::AllowUsersToChange(true) => Say::FieldUsersMayChange.text(lang).to_string(),
        PasswordRule::AllowUsersToChange(false) => {
            Say::FieldUsersMayNotChange.text(lang).to_string()
        }
    }
}

fn finding(control: &str, resource: Option<&str>, lang: Lang) -> Forms {
    let meaning = control_clause(control)
        .map(|m| m.text(lang).to_string())
        .unwrap_or_else(|| control_title_clause(control, lang));
    // The control's id with its meaning, as the audit lists it.
    let what = format!("{control} ({meaning})");
    let on = resource
        .map(|r| fill1(Say::FindingFor, lang, "resource", r))
        .unwrap_or_default();
    forms(
        [
            Say::FindingYes,
            Say::FindingNotYet,
            Say::FindingNot,
            Say::FindingStill,
        ],
        vec![("what", what), ("on", on)],
    )
}

/// A control's title as a clause ("a user with a console password has no MFA"), for a
/// control the catalog has no clause for (English in both languages: the audit's own title).
fn control_title_clause(id: &str, lang: Lang) -> String {
    let Some(title) = crate::audit::controls::controls()
        .into_iter()
        .find(|c| c.id == id)
        .map(|c| c.title(lang))
    else {
        return Say::ControlUnknown.text(lang).to_string();
    };
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

/// A control's meaning as a clause of the catalog, by the control's id.
fn control_clause(id: &str) -> Option<Say> {
    Some(match id {
        "IAM.4" => Say::ControlIam4,
        "IAM.9" => Say::ControlIam9,
        "IAM.6" => Say::ControlIam6,
        "IAM.1" => Say::ControlIam1,
        "S3.2" => Say::ControlS3Dot2,
        "S3.3" => Say::ControlS3Dot3,
        "EC2.13" => Say::ControlEc2Dot13,
        "EC2.14" => Say::ControlEc2Dot14,
        "EC2.53" => Say::ControlEc2Dot53,
        "EC2.54" => Say::ControlEc2Dot54,
        "EC2.2" => Say::ControlEc2Dot2,
        "EC2.8" => Say::ControlEc2Dot8,
        "CloudTrail.1" => Say::ControlCloudTrail1,
        "GuardDuty.1" => Say::ControlGuardDuty1,
        "IAM.5" => Say::ControlIam5,
        "IAM.19" => Say::ControlIam19,
        "IAM.3" => Say::ControlIam3,
        "IAM.8" => Say::ControlIam8,
        "IAM.22" => Say::ControlIam22,
        "IAM.7" => Say::ControlIam7,
        "IAM.10" => Say::ControlIam10,
        "IAM.11" => Say::ControlIam11,
        "IAM.12" => Say::ControlIam12,
        "IAM.13" => Say::ControlIam13,
        "IAM.14" => Say::ControlIam14,
        "IAM.15" => Say::ControlIam15,
        "IAM.16" => Say::ControlIam16,
        "IAM.17" => Say::ControlIam17,
        "S3.1" => Say::ControlS3Dot1,
        "S3.8" => Say::ControlS3Dot8,
        "IAM.2" => Say::ControlIam2,
        "IAM.21" => Say::ControlIam21,
        "IAM.27" => Say::ControlIam27,
        "IAM.24" => Say::ControlIam24,
        "IAM.25" => Say::ControlIam25,
        "IAM.18" => Say::ControlIam18,
        "IAMDOJO.1" => Say::ControlIamdojo1,
        "IAMDOJO.2" => Say::ControlIamdojo2,
        "IAMDOJO.3" => Say::ControlIamdojo3,
        "IAMDOJO.4" => Say::ControlIamdojo4,
        "IAMDOJO.5" => Say::ControlIamdojo5,
        "IAMDOJO.6" => Say::ControlIamdojo6,
        "IAMDOJO.7" => Say::ControlIamdojo7,
        "IAMDOJO.8" => Say::ControlIamdojo8,
        "IAMDOJO.9" => Say::ControlIamdojo9,
        "IAMDOJO.10" => Say::ControlIamdojo10,
        "IAMDOJO.11" => Say::ControlIamdojo11,
        "IAMDOJO.12" => Say::ControlIamdojo12,
        _ => return None,
    })
}

fn bucket_public(bucket: &str) -> Forms {
    forms(
        [
            Say::PublicYes,
            Say::PublicNotYet,
            Say::PublicNot,
            Say::PublicStill,
        ],
        vec![("bucket", bucket.to_string())],
    )
}

fn port_open(port: i64, cidr: &str) -> Forms {
    forms(
        [Say::PortYes, Say::PortNotYet, Say::PortNot, Say::PortStill],
        vec![("port", port.to_string()), ("cidr", cidr.to_string())],
    )
}

fn succeeds(cmd: &str) -> Forms {
    forms(
        [
            Say::SucceedsYes,
            Say::SucceedsNotYet,
            Say::SucceedsNot,
            Say::SucceedsStill,
        ],
        vec![("command", cmd.to_string())],
    )
}

fn trail_logging() -> Forms {
    forms(
        [
            Say::TrailYes,
            Say::TrailNotYet,
            Say::TrailNot,
            Say::TrailStill,
        ],
        Vec::new(),
    )
}

fn budget(max_limit: Option<f64>, notifies: bool, lang: Lang) -> Forms {
    let (at, f) = if notifies {
        (
            Say::BudgetNotifyAt,
            [
                Say::BudgetNotifiesYes,
                Say::BudgetNotifiesNotYet,
                Say::BudgetNotifiesNot,
                Say::BudgetNotifiesStill,
            ],
        )
    } else {
        (
            Say::BudgetLimit,
            [
                Say::BudgetYes,
                Say::BudgetNotYet,
                Say::BudgetNot,
                Say::BudgetStill,
            ],
        )
    };
    let limit = max_limit
        .map(|m| at.fill(lang, &[("max", &m)]))
        .unwrap_or_default();
    forms(f, vec![("limit", limit)])
}

fn profile_holds(profile: &str, role: &str, instance: Option<&str>, lang: Lang) -> Forms {
    let on = instance
        .map(|i| fill1(Say::ProfileOnInstance, lang, "instance", i))
        .unwrap_or_default();
    forms(
        [
            Say::ProfileHoldsYes,
            Say::ProfileHoldsNotYet,
            Say::ProfileHoldsNot,
            Say::ProfileHoldsStill,
        ],
        vec![
            ("profile", profile.to_string()),
            ("role", role.to_string()),
            ("on", on),
        ],
    )
}

fn trust_only(role: &str, principals: &[String]) -> Forms {
    forms(
        [
            Say::TrustOnlyYes,
            Say::TrustOnlyNotYet,
            Say::TrustOnlyNot,
            Say::TrustOnlyStill,
        ],
        vec![("role", role.to_string()), ("who", principals.join(", "))],
    )
}

fn instances(i: &InstancesCheck, n: usize, lang: Lang) -> Forms {
    let state = i.state.map(|s| {
        match s {
            InstanceState::Running => Say::StateRunning,
            InstanceState::Stopped => Say::StateStopped,
            InstanceState::Terminated => Say::StateTerminated,
        }
        .text(lang)
    });
    let ty = i
        .instance_type
        .as_deref()
        .map(|t| format!("{t} "))
        .unwrap_or_default();
    let adj = format!("{}{ty}", state.unwrap_or_default());
    let q = match (i.count, i.min, i.max) {
        (Some(c), _, _) => Say::QtyExactly.fill(lang, &[("n", &c)]),
        (None, Some(lo), Some(hi)) => Say::QtyBetween.fill(lang, &[("min", &lo), ("max", &hi)]),
        (None, Some(lo), None) => Say::QtyAtLeast.fill(lang, &[("min", &lo)]),
        (None, None, Some(hi)) => Say::QtyAtMost.fill(lang, &[("max", &hi)]),
        (None, None, None) => Say::QtyAny.text(lang).to_string(),
    };
    let f = if n == 1 {
        [
            Say::InstancesYesOne,
            Say::InstancesNotYetOne,
            Say::InstancesNotOne,
            Say::InstancesStillOne,
        ]
    } else {
        [
            Say::InstancesYes,
            Say::InstancesNotYet,
            Say::InstancesNot,
            Say::InstancesStill,
        ]
    };
    forms(f, vec![("n", n.to_string()), ("adj", adj), ("q", q)])
}

/// Who a principal string names, to begin a sentence with.
fn who(p: &str, lang: Lang) -> String {
    let p = p.trim();
    if p == "root" || p.ends_with(":root") {
        return Say::RootUserStart.text(lang).to_string();
    }
    let tail = |marker: &str| {
        p.rsplit_once(marker)
            .map(|(_, t)| t.rsplit('/').next().unwrap_or(t).to_string())
    };
    if let Some(n) = tail(":user/").or_else(|| tail("user/").filter(|_| p.starts_with("user/"))) {
        return n;
    }
    if let Some(n) = tail(":role/").or_else(|| tail("role/").filter(|_| p.starts_with("role/"))) {
        return fill1(Say::RoleStart, lang, "name", &n);
    }
    p.to_string()
}

/// What an action does, in words (English a verb phrase, Japanese a noun phrase).
fn action_words(action: &str) -> Option<Say> {
    Some(match action.to_ascii_lowercase().as_str() {
        "budgets:viewbudget" => Say::ActViewBudgets,
        "ce:getcostandusage" => Say::ActViewCosts,
        "ec2:describeinstances" => Say::ActListInstances,
        "ec2:runinstances" => Say::ActRunInstances,
        "ec2:terminateinstances" => Say::ActTerminateInstances,
        "ec2:startinstances" => Say::ActStartInstances,
        "ec2:stopinstances" => Say::ActStopInstances,
        "iam:changepassword" => Say::ActChangePassword,
        "iam:createuser" => Say::ActCreateUser,
        "iam:deleteuser" => Say::ActDeleteUser,
        "iam:listusers" => Say::ActListUsers,
        "iam:passrole" => Say::ActPassRole,
        "iam:attachuserpolicy" => Say::ActAttachUserPolicy,
        "s3:deletebucket" => Say::ActDeleteBucket,
        "s3:deleteobject" => Say::ActDeleteObject,
        "s3:getobject" => Say::ActGetObject,
        "s3:listallmybuckets" => Say::ActListBuckets,
        "s3:listbucket" => Say::ActListBucket,
        "s3:putobject" => Say::ActPutObject,
        "sts:assumerole" => Say::ActAssumeRole,
        _ => return None,
    })
}

fn can(a: &crate::account::Account, r: &RequestSpec, lang: Lang) -> Forms {
    // A principal outside the account is said in full, so another account's yuki never reads
    // as this account's.
    let p = match &r.principal {
        PrincipalSpec::WebIdentity(w) => Say::WebIdentityStart.fill(
            lang,
            &[
                ("name", &w.web_identity.role),
                ("token", &w.web_identity.token),
            ],
        ),
        PrincipalSpec::Named(p) if super::outsider(a, p).is_some() => p.trim().to_string(),
        PrincipalSpec::Named(p) => who(p, lang),
    };
    let act = r.action.as_str();
    let res = r.resource.trim();
    let role = res
        .rsplit_once(":role/")
        .map(|(_, n)| n.rsplit('/').next().unwrap_or(n));
    let target = if res == "*" || res.is_empty() {
        None
    } else if let Some(n) = role {
        Some(fill1(Say::Role, lang, "name", n))
    } else {
        Some(res.strip_prefix("arn:aws:s3:::").unwrap_or(res).to_string())
    };
    let on = target
        .map(|t| fill1(Say::CanOn, lang, "target", &t))
        .unwrap_or_default();
    let what = match action_words(act) {
        Some(verb) => Say::CanAction.fill(
            lang,
            &[("verb", &verb.text(lang)), ("action", &act), ("on", &on)],
        ),
        None => Say::CanCall.fill(lang, &[("action", &act), ("on", &on)]),
    };
    forms(
        [Say::CanYes, Say::CanNotYet, Say::CanNot, Say::CanStill],
        vec![("who", p), ("what", what)],
    )
}

fn login_profile(user: &str, reset: Option<bool>, lang: Lang) -> Forms {
    let which = match reset {
        Some(true) => Say::LoginMustChange.text(lang),
        Some(false) => Say::LoginNeedNotChange.text(lang),
        None => "",
    };
    forms(
        [
            Say::LoginYes,
            Say::LoginNotYet,
            Say::LoginNot,
            Say::LoginStill,
        ],
        vec![("user", user.to_string()), ("which", which.to_string())],
    )
}

fn cli_profile(name: &str, user: &str) -> Forms {
    forms(
        [Say::CliYes, Say::CliNotYet, Say::CliNot, Say::CliStill],
        vec![("name", name.to_string()), ("user", user.to_string())],
    )
}

fn called(op: &str, p: &str) -> Forms {
    forms(
        [
            Say::CalledYes,
            Say::CalledNotYet,
            Say::CalledNot,
            Say::CalledStill,
        ],
        vec![("who", p.to_string()), ("op", op.to_string())],
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every control of the audit has a clause, and the clause's English is the control's
    /// title as a clause, so the goal sentences cannot drift from the audit's titles.
    #[test]
    fn every_control_has_a_clause_that_matches_its_title() {
        let controls = crate::audit::controls::controls();
        assert!(controls.len() > 40);
        for c in controls {
            let clause = control_clause(c.id).unwrap_or_else(|| panic!("no clause for {}", c.id));
            assert_eq!(
                clause.text(Lang::En),
                control_title_clause(c.id, Lang::En),
                "{}",
                c.id
            );
        }
        assert_eq!(control_clause("NOPE.1"), None);
        assert_eq!(
            control_title_clause("NOPE.1", Lang::Ja),
            Say::ControlUnknown.text(Lang::Ja)
        );
    }
}
