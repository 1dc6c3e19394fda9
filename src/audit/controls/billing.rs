//! Billing: our check that someone would hear of a surprising bill.

use crate::audit::said::Said;
use crate::msg::audit::Audit;

use super::{Context, Hit, hit, run};

/// IAMDOJO.5: No budget or billing alarm.
pub(super) fn no_budget(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    if !a.billing.budgets.is_empty() || !a.billing.alarms.is_empty() {
        return vec![];
    }
    vec![hit(
        cx.root_arn(),
        Said::new(Audit::NoBudget),
        vec![run(
            "aws budgets create-budget --account-id <account-id> --budget file://budget.json --notifications-with-subscribers file://notify.json",
        )],
    )]
}
