//! The password policy controls of Security Hub (IAM.7, IAM.10, IAM.11–IAM.17): each fails when the
//! account's policy (or, without one, IAM's default) misses its bar.

use crate::audit::said::{Arg, Fix, Said, Sep};
use crate::msg::audit::Audit;

use super::{Context, Hit, hit, run};

/// IAM.7: The password policy is weaker than Security Hub's IAM.7 bar (8 characters, every character type).
pub(super) fn weak(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    match &a.password_policy {
        None => vec![hit(
            cx.root_arn(),
            Said::new(Audit::NoPasswordPolicyDefaults),
            vec![strong_policy_fix()],
        )],
        Some(p) => {
            let mut weak = Vec::new();
            // Security Hub checks IAM.7 with a minimum of 8 (14 is IAM.15's bar).
            if p.minimum_password_length < 8 {
                weak.push(
                    Said::new(Audit::MinimumLength)
                        .with("n", p.minimum_password_length)
                        .into(),
                );
            }
            if !(p.require_uppercase_characters
                && p.require_lowercase_characters
                && p.require_numbers
                && p.require_symbols)
            {
                weak.push(Said::new(Audit::NotEveryCharacterType).into());
            }
            if weak.is_empty() {
                vec![]
            } else {
                let evidence =
                    Said::new(Audit::WeakPasswordPolicy).listing("what", weak, Sep::Sentences);
                vec![hit(cx.root_arn(), evidence, vec![strong_policy_fix()])]
            }
        }
    }
}

/// IAM.11: The password policy does not require an uppercase letter.
pub(super) fn no_uppercase(cx: &Context) -> Vec<Hit> {
    let _a = cx.account;
    pw(
        cx,
        |p| p.require_uppercase_characters,
        Audit::UppercaseNotRequired,
    )
}

/// IAM.12: The password policy does not require a lowercase letter.
pub(super) fn no_lowercase(cx: &Context) -> Vec<Hit> {
    let _a = cx.account;
    pw(
        cx,
        |p| p.require_lowercase_characters,
        Audit::LowercaseNotRequired,
    )
}

/// IAM.13: The password policy does not require a symbol.
pub(super) fn no_symbol(cx: &Context) -> Vec<Hit> {
    let _a = cx.account;
    pw(cx, |p| p.require_symbols, Audit::SymbolsNotRequired)
}

/// IAM.14: The password policy does not require a number.
pub(super) fn no_number(cx: &Context) -> Vec<Hit> {
    let _a = cx.account;
    pw(cx, |p| p.require_numbers, Audit::NumbersNotRequired)
}

/// IAM.15: The password policy allows passwords shorter than 14 characters.
pub(super) fn shorter_than_14(cx: &Context) -> Vec<Hit> {
    let _a = cx.account;
    pw(
        cx,
        |p| p.minimum_password_length >= 14,
        Audit::MinimumBelow14,
    )
}

/// IAM.16: The password policy remembers fewer than 24 passwords.
pub(super) fn reuse(cx: &Context) -> Vec<Hit> {
    let _a = cx.account;
    pw(
        cx,
        |p| p.password_reuse_prevention.is_some_and(|n| n >= 24),
        Audit::FewerThan24Remembered,
    )
}

/// IAM.17: The password policy does not expire passwords within 90 days.
pub(super) fn no_expiry(cx: &Context) -> Vec<Hit> {
    let _a = cx.account;
    pw(
        cx,
        |p| p.max_password_age.is_some_and(|d| d <= 90),
        Audit::NoExpiryWithin90,
    )
}

fn strong_policy_fix() -> Fix {
    run(
        "aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password --max-password-age 90 --password-reuse-prevention 24",
    )
}

fn pw(cx: &Context, ok: fn(&crate::account::PasswordPolicy) -> bool, what: Audit) -> Vec<Hit> {
    let a = cx.account;
    let evidence = |msg| Said::new(msg).saying("what", Said::new(what));
    match &a.password_policy {
        Some(p) if ok(p) => vec![],
        Some(_) => vec![hit(
            cx.root_arn(),
            evidence(Audit::InPasswordPolicy),
            vec![strong_policy_fix()],
        )],
        None => vec![hit(
            cx.root_arn(),
            evidence(Audit::NoPasswordPolicySo),
            vec![strong_policy_fix()],
        )],
    }
}

/// IAM.10: the password policy misses PCI DSS's minimums as Security Hub checks them:
/// uppercase letters, lowercase letters and numbers required, at least 7 characters, the last
/// 4 passwords remembered, passwords expiring within 90 days. Without a policy, IAM's default
/// meets none of the last two.
pub(super) fn pci_minimums(cx: &Context) -> Vec<Hit> {
    let Some(p) = &cx.account.password_policy else {
        return vec![hit(
            cx.root_arn(),
            Said::new(Audit::NoPasswordPolicyDefaults),
            vec![strong_policy_fix()],
        )];
    };
    let mut short: Vec<Arg> = Vec::new();
    if !(p.require_uppercase_characters && p.require_lowercase_characters && p.require_numbers) {
        short.push(Said::new(Audit::PciCharacterTypes).into());
    }
    if p.minimum_password_length < 7 {
        short.push(
            Said::new(Audit::MinimumLength)
                .with("n", p.minimum_password_length)
                .into(),
        );
    }
    if p.password_reuse_prevention.is_none_or(|n| n < 4) {
        short.push(Said::new(Audit::FewerThan4Remembered).into());
    }
    if p.max_password_age.is_none_or(|d| d > 90) {
        short.push(Said::new(Audit::NoExpiryWithin90).into());
    }
    if short.is_empty() {
        return vec![];
    }
    vec![hit(
        cx.root_arn(),
        Said::new(Audit::PciShort).listing("what", short, Sep::Sentences),
        vec![strong_policy_fix()],
    )]
}
