//! Money: what running instances cost as simulated time passes, AWS Budgets and the
//! CloudWatch billing alarm that warn by e-mail (into a simulated inbox), and Cost Explorer.

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use super::Account;
use super::command::{Args, Call, Spec, obj};
use super::error::AwsError;

/// A notification of a budget.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetNotice {
    /// `ACTUAL` or `FORECASTED`.
    pub kind: String,
    /// Threshold (percent of the limit, or dollars).
    pub threshold: f64,
    /// True when the threshold is a percentage.
    pub percentage: bool,
    /// E-mail addresses.
    pub subscribers: Vec<String>,
    /// Already sent this month.
    pub sent: bool,
}

/// A cost budget.
#[derive(Debug, Clone, PartialEq)]
pub struct Budget {
    /// Name.
    pub name: String,
    /// Monthly limit in USD.
    pub limit: f64,
    /// Notifications.
    pub notices: Vec<BudgetNotice>,
}

/// A CloudWatch alarm on the `AWS/Billing` `EstimatedCharges` metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Alarm {
    /// Name.
    pub name: String,
    /// `--alarm-description`.
    pub description: Option<String>,
    /// Threshold in USD.
    pub threshold: f64,
    /// `GreaterThanThreshold` or `GreaterThanOrEqualToThreshold`.
    pub comparison: String,
    /// `Maximum`, as AWS's billing alarm uses, or another statistic.
    pub statistic: String,
    /// Seconds per evaluated period (AWS's billing example: 21600, six hours).
    pub period: i64,
    /// How many periods are evaluated.
    pub evaluation_periods: i64,
    /// `--datapoints-to-alarm`, when given.
    pub datapoints_to_alarm: Option<i64>,
    /// `Name=Currency,Value=USD`: the metric's dimensions, as (name, value).
    pub dimensions: Vec<(String, String)>,
    /// `--unit`, when given.
    pub unit: Option<String>,
    /// `--treat-missing-data`, when given.
    pub treat_missing_data: Option<String>,
    /// Whether the actions run (`--actions-enabled`, the default, or `--no-actions-enabled`).
    pub actions_enabled: bool,
    /// SNS topics (or e-mail addresses) to notify on `ALARM`.
    pub actions: Vec<String>,
    /// Notified on `OK`.
    pub ok_actions: Vec<String>,
    /// Notified on `INSUFFICIENT_DATA`.
    pub insufficient_data_actions: Vec<String>,
    /// `OK`, `ALARM` or `INSUFFICIENT_DATA`.
    pub state: String,
    /// Why it is in that state, as CloudWatch words it.
    pub state_reason: String,
    /// When the state last changed.
    pub state_updated: Timestamp,
    /// When the alarm was created or last changed.
    pub configuration_updated: Timestamp,
}

impl Alarm {
    /// A billing alarm as AWS's guide creates it (`Maximum` over six hours, one period,
    /// `Currency=USD`), in `INSUFFICIENT_DATA` until first evaluated.
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/monitor_estimated_charges_with_cloudwatch.html
    pub fn billing(name: &str, threshold: f64, actions: Vec<String>, now: Timestamp) -> Alarm {
        Alarm {
            name: name.to_string(),
            description: None,
            threshold,
            comparison: "GreaterThanThreshold".into(),
            statistic: "Maximum".into(),
            period: 21_600,
            evaluation_periods: 1,
            datapoints_to_alarm: None,
            dimensions: vec![("Currency".into(), "USD".into())],
            unit: None,
            treat_missing_data: None,
            actions_enabled: true,
            actions,
            ok_actions: Vec::new(),
            insufficient_data_actions: Vec::new(),
            state: "INSUFFICIENT_DATA".into(),
            state_reason: "Unchecked: Initial alarm creation".into(),
            state_updated: now,
            configuration_updated: now,
        }
    }

    /// `AWS/Billing` `EstimatedCharges` crosses (or not) the threshold.
    fn breached(&self, spent: f64) -> bool {
        if self.comparison == "GreaterThanOrEqualToThreshold" {
            spent >= self.threshold
        } else {
            spent > self.threshold
        }
    }
}

/// A message in the simulated inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// When it arrived.
    pub time: Timestamp,
    /// Sender.
    pub from: String,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
}

/// Budgets, alarms and the inbox.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Billing {
    /// Budgets.
    pub budgets: Vec<Budget>,
    /// Billing alarms.
    pub alarms: Vec<Alarm>,
    /// Received messages, oldest first.
    pub inbox: Vec<Message>,
}

/// The start of the month `t` is in (UTC).
pub fn month_start(t: Timestamp) -> Timestamp {
    let d = t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    jiff::civil::date(d.year(), d.month(), 1)
        .to_datetime(jiff::civil::Time::midnight())
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp())
        .unwrap_or(t)
}

/// What the account spent between `from` and `to` (instances only).
pub fn cost_between(acct: &Account, from: Timestamp, to: Timestamp) -> f64 {
    acct.instances
        .values()
        .map(|i| {
            let start = i.launched.max(from);
            let run_end = match i.state {
                super::ec2::State::Running => acct.now,
                _ => i.stopped_at.unwrap_or(acct.now),
            };
            let end = run_end.min(to).min(acct.now);
            let secs = (end.as_second() - start.as_second()).max(0) as f64;
            super::ec2::hourly_price(&i.instance_type).unwrap_or(0.1) * secs / 3600.0
        })
        .sum()
}

/// Month-to-date spend.
pub fn month_to_date(acct: &Account) -> f64 {
    cost_between(acct, month_start(acct.now), acct.now)
}

/// Checks budgets and alarms after time has passed, sending messages on threshold crossings.
pub fn evaluate(acct: &mut Account) {
    // Adding 0.0 turns the empty sum's -0.0 into 0.0, which prints without a sign.
    let spent = month_to_date(acct) + 0.0;
    let now = acct.now;
    let mut mail = Vec::new();
    for b in &mut acct.billing.budgets {
        for n in &mut b.notices {
            let limit = if n.percentage {
                b.limit * n.threshold / 100.0
            } else {
                n.threshold
            };
            if !n.sent && n.kind == "ACTUAL" && spent > limit {
                n.sent = true;
                mail.push(Message {
                    time: now,
                    from: "AWS Budgets <no-reply@budgets.amazonaws.com>".into(),
                    subject: format!("AWS Budgets: {} has exceeded your alert threshold", b.name),
                    body: format!(
                        "You requested that we alert you when the ACTUAL cost of your budget \"{}\" exceeds {}. Current spend: ${spent:.2} of a ${:.2} budget. Sent to: {}.",
                        b.name,
                        if n.percentage { format!("{}% (${limit:.2})", n.threshold) } else { format!("${limit:.2}") },
                        b.limit,
                        n.subscribers.join(", ")
                    ),
                });
            }
        }
    }
    for a in &mut acct.billing.alarms {
        let new = if a.breached(spent) { "ALARM" } else { "OK" };
        if new != a.state {
            let op = if a.comparison == "GreaterThanOrEqualToThreshold" {
                "greater than or equal to"
            } else {
                "greater than"
            };
            let not = if new == "ALARM" { "" } else { "not " };
            a.state_reason = format!(
                "Threshold Crossed: 1 datapoint [{spent:.2} ({})] was {not}{op} the threshold ({:.1}).",
                now.strftime("%d/%m/%y %H:%M:%S"),
                a.threshold
            );
            a.state_updated = now;
            if new == "ALARM" && a.actions_enabled {
                mail.push(Message {
                    time: now,
                    from: "AWS Notifications <no-reply@sns.amazonaws.com>".into(),
                    subject: format!("ALARM: \"{}\" in US East (N. Virginia)", a.name),
                    body: format!(
                        "The alarm \"{}\" changed from {} to ALARM: EstimatedCharges ${spent:.2} is greater than the threshold ${:.2}. Notified: {}.",
                        a.name,
                        a.state,
                        a.threshold,
                        a.actions.join(", ")
                    ),
                });
            }
            a.state = new.to_string();
        }
    }
    acct.billing.inbox.extend(mail);
}

/// The billing commands.
pub const COMMANDS: &[Spec] = &[
    Spec {
        service: "budgets",
        name: "create-budget",
        operation: "CreateBudget",
        params: &[],
        run: create_budget,
    },
    Spec {
        service: "budgets",
        name: "describe-budgets",
        operation: "DescribeBudgets",
        params: &[],
        run: describe_budgets,
    },
    Spec {
        service: "cloudwatch",
        name: "put-metric-alarm",
        operation: "PutMetricAlarm",
        params: &[],
        run: put_metric_alarm,
    },
    Spec {
        service: "cloudwatch",
        name: "describe-alarms",
        operation: "DescribeAlarms",
        params: &[],
        run: describe_alarms,
    },
    Spec {
        service: "ce",
        name: "get-cost-and-usage",
        operation: "GetCostAndUsage",
        params: &[],
        run: get_cost_and_usage,
    },
];

fn create_budget(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow(
        "budgets:ModifyBudget",
        &format!("arn:aws:budgets::{}:budget/*", c.account.id),
        &[],
    )?;
    let b: Value = serde_json::from_str(a.s("budget")).map_err(|e| {
        c.err(
            "InvalidParameterException",
            format!("cannot read --budget as JSON: {e}"),
        )
    })?;
    let name = b
        .get("BudgetName")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    if name.is_empty() {
        return Err(c.err("InvalidParameterException", "--budget needs a BudgetName"));
    }
    let amount = b.pointer("/BudgetLimit/Amount");
    let limit = amount
        .and_then(Value::as_str)
        .and_then(|s| s.parse::<f64>().ok())
        .or_else(|| amount.and_then(Value::as_f64))
        .ok_or_else(|| {
            c.err(
                "InvalidParameterException",
                "--budget needs BudgetLimit.Amount, e.g. {\"Amount\": \"20\", \"Unit\": \"USD\"}",
            )
        })?;
    let mut notices = Vec::new();
    if let Some(list) = a.member("NotificationsWithSubscribers") {
        for n in list.as_array().into_iter().flatten() {
            let note = &n["Notification"];
            notices.push(BudgetNotice {
                kind: note["NotificationType"]
                    .as_str()
                    .unwrap_or("ACTUAL")
                    .to_string(),
                threshold: note["Threshold"].as_f64().unwrap_or(100.0),
                percentage: note["ThresholdType"].as_str() != Some("ABSOLUTE_VALUE"),
                subscribers: n["Subscribers"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|s| s["Address"].as_str().map(str::to_string))
                    .collect(),
                sent: false,
            });
        }
    }
    if c.account.billing.budgets.iter().any(|x| x.name == name) {
        return Err(c.err(
            "DuplicateRecordException",
            format!("Error creating budget: {name} - the budget already exists."),
        ));
    }
    c.account.billing.budgets.push(Budget {
        name,
        limit,
        notices,
    });
    evaluate(c.account);
    Ok(Value::Null)
}

fn describe_budgets(c: &mut Call, _: &Args) -> Result<Value, AwsError> {
    c.allow(
        "budgets:ViewBudget",
        &format!("arn:aws:budgets::{}:budget/*", c.account.id),
        &[],
    )?;
    let spent = month_to_date(c.account);
    let list: Vec<Value> = c
        .account
        .billing
        .budgets
        .iter()
        .map(|b| json!({"BudgetName": b.name, "BudgetLimit": {"Amount": format!("{:.1}", b.limit), "Unit": "USD"}, "TimeUnit": "MONTHLY", "BudgetType": "COST", "CalculatedSpend": {"ActualSpend": {"Amount": format!("{spent:.2}"), "Unit": "USD"}}}))
        .collect();
    Ok(json!({ "Budgets": list }))
}

fn alarm_arn(c: &Call, name: &str) -> String {
    format!(
        "arn:aws:cloudwatch:{}:{}:alarm:{name}",
        c.caller.region, c.account.id
    )
}

/// `--dimensions` (shorthand `Name=Currency,Value=USD` or JSON, read by the command layer
/// into the model's list of `Dimension` structures) as (name, value).
fn dimensions(a: &Args) -> Vec<(String, String)> {
    a.member("Dimensions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|d| {
            let get = |k: &str| d.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            (get("Name"), get("Value"))
        })
        .collect()
}

/// `put-metric-alarm`, for the billing alarm of AWS's guide: the metric `AWS/Billing`
/// `EstimatedCharges` in `us-east-1`. An alarm of the same name is replaced, as CloudWatch
/// does.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
fn put_metric_alarm(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("alarm-name").to_string();
    c.allow("cloudwatch:PutMetricAlarm", &alarm_arn(c, &name), &[])?;
    if a.s("namespace") != "AWS/Billing" || a.s("metric-name") != "EstimatedCharges" {
        return Err(c.err("InvalidParameterValue", "the simulation knows one metric: --namespace AWS/Billing --metric-name EstimatedCharges (a billing alarm)"));
    }
    if c.caller.region != "us-east-1" {
        return Err(c.err(
            "InvalidParameterValue",
            "billing metrics live in us-east-1 only: add --region us-east-1",
        ));
    }
    let threshold = a.s("threshold").parse::<f64>().map_err(|_| {
        c.err(
            "InvalidParameterValue",
            format!("`{}` is not a number", a.s("threshold")),
        )
    })?;
    let comparison = a.s("comparison-operator").to_string();
    if comparison != "GreaterThanThreshold" && comparison != "GreaterThanOrEqualToThreshold" {
        return Err(c.err(
            "InvalidParameterValue",
            "a billing alarm compares with GreaterThanThreshold",
        ));
    }
    let statistic = a.opt("statistic").unwrap_or("Maximum").to_string();
    const STATISTICS: [&str; 5] = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];
    if !STATISTICS.contains(&statistic.as_str()) {
        return Err(AwsError::validation(
            c.operation,
            format!(
                "1 validation error detected: Value '{statistic}' at 'statistic' failed to satisfy constraint: Member must satisfy enum value set: [SampleCount, Average, Sum, Minimum, Maximum]"
            ),
        ));
    }
    let now = c.account.now;
    let mut alarm = Alarm::billing(&name, threshold, a.list("alarm-actions").to_vec(), now);
    alarm.description = a.opt("alarm-description").map(str::to_string);
    alarm.comparison = comparison;
    alarm.statistic = statistic;
    alarm.period = a.int("period").unwrap_or(alarm.period);
    alarm.evaluation_periods = a.int("evaluation-periods").unwrap_or(1);
    alarm.datapoints_to_alarm = a.int("datapoints-to-alarm");
    alarm.unit = a.opt("unit").map(str::to_string);
    alarm.treat_missing_data = a.opt("treat-missing-data").map(str::to_string);
    alarm.actions_enabled = a.flag("actions-enabled").unwrap_or(true);
    alarm.ok_actions = a.list("ok-actions").to_vec();
    alarm.insufficient_data_actions = a.list("insufficient-data-actions").to_vec();
    if a.member("Dimensions").is_some() {
        alarm.dimensions = dimensions(a);
    }
    c.account.billing.alarms.retain(|x| x.name != name);
    c.account.billing.alarms.push(alarm);
    evaluate(c.account);
    Ok(Value::Null)
}

fn alarm_json(c: &Call, x: &Alarm) -> Value {
    let dims: Vec<Value> = x
        .dimensions
        .iter()
        .map(|(n, v)| json!({"Name": n, "Value": v}))
        .collect();
    obj([
        ("AlarmName", json!(x.name)),
        ("AlarmArn", json!(alarm_arn(c, &x.name))),
        ("AlarmDescription", json!(x.description)),
        (
            "AlarmConfigurationUpdatedTimestamp",
            cw_time(x.configuration_updated),
        ),
        ("ActionsEnabled", json!(x.actions_enabled)),
        ("OKActions", json!(x.ok_actions)),
        ("AlarmActions", json!(x.actions)),
        (
            "InsufficientDataActions",
            json!(x.insufficient_data_actions),
        ),
        ("StateValue", json!(x.state)),
        ("StateReason", json!(x.state_reason)),
        ("StateUpdatedTimestamp", cw_time(x.state_updated)),
        ("MetricName", json!("EstimatedCharges")),
        ("Namespace", json!("AWS/Billing")),
        ("Statistic", json!(x.statistic)),
        ("Dimensions", json!(dims)),
        ("Period", json!(x.period)),
        ("Unit", json!(x.unit)),
        ("EvaluationPeriods", json!(x.evaluation_periods)),
        ("DatapointsToAlarm", json!(x.datapoints_to_alarm)),
        ("Threshold", json!(x.threshold)),
        ("ComparisonOperator", json!(x.comparison)),
        ("TreatMissingData", json!(x.treat_missing_data)),
        ("StateTransitionedTimestamp", cw_time(x.state_updated)),
    ])
}

/// CloudWatch's time format: milliseconds and `+00:00`.
fn cw_time(t: Timestamp) -> Value {
    Value::String(t.strftime("%Y-%m-%dT%H:%M:%S.000+00:00").to_string())
}

fn describe_alarms(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("cloudwatch:DescribeAlarms", "*", &[])?;
    let names = a.list("alarm-names");
    let prefix = a.opt("alarm-name-prefix").unwrap_or("");
    let state = a.opt("state-value");
    let list: Vec<Value> = c
        .account
        .billing
        .alarms
        .iter()
        .filter(|x| names.is_empty() || names.contains(&x.name))
        .filter(|x| x.name.starts_with(prefix))
        .filter(|x| state.is_none_or(|s| s == x.state))
        .map(|x| alarm_json(c, x))
        .collect();
    Ok(json!({ "MetricAlarms": list, "CompositeAlarms": [] }))
}

fn get_cost_and_usage(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("ce:GetCostAndUsage", "*", &[])?;
    // `--time-period Start=…,End=…` or JSON, read by the command layer into the model's shape.
    let tp = a.s("time-period");
    let part = |k: &str| {
        a.member("TimePeriod")
            .and_then(|t| t.get(k))
            .and_then(Value::as_str)
            .and_then(crate::policy::condition::parse_date)
    };
    let (start, end) = (part("Start"), part("End"));
    let (Some(start), Some(end)) = (start, end) else {
        return Err(c.err(
            "ValidationException",
            format!("cannot read --time-period `{tp}`: write Start=2026-01-01,End=2026-02-01"),
        ));
    };
    let step = match a.s("granularity") {
        "DAILY" => SignedDuration::from_hours(24),
        "MONTHLY" => SignedDuration::from_hours(24 * 31),
        "HOURLY" => SignedDuration::from_hours(1),
        other => {
            return Err(c.err(
                "ValidationException",
                format!("`{other}` is not a granularity; use DAILY, MONTHLY or HOURLY"),
            ));
        }
    };
    let by_service = a.list("group-by").iter().any(|g| g.contains("SERVICE"));
    let mut results = Vec::new();
    let mut t = start;
    while t < end {
        let next = t.checked_add(step).unwrap_or(end).min(end);
        let cost = cost_between(c.account, t, next);
        let day = |x: Timestamp| x.strftime("%Y-%m-%d").to_string();
        let total = json!({"UnblendedCost": {"Amount": format!("{cost:.2}"), "Unit": "USD"}});
        let groups = if by_service && cost > 0.0 {
            json!([{"Keys": ["Amazon Elastic Compute Cloud - Compute"], "Metrics": total.clone()}])
        } else {
            json!([])
        };
        results.push(json!({"TimePeriod": {"Start": day(t), "End": day(next)}, "Total": if by_service { json!({}) } else { total }, "Groups": groups, "Estimated": true}));
        t = next;
    }
    Ok(json!({ "ResultsByTime": results }))
}
