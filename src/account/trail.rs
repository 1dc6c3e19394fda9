//! The simulated CloudTrail: every call the sandbox runs, allowed or denied, is an event in
//! the account's event history (as AWS keeps 90 days of management events even without a
//! trail); trails can be created and switched on and off.

use jiff::Timestamp;
use serde_json::{Value, json};

use super::Account;
use super::authz::{Caller, Identity};
use super::command::{Args, Call, Spec, obj, time};
use super::error::AwsError;

/// One recorded API call.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Unique id.
    pub id: String,
    /// When.
    pub time: Timestamp,
    /// e.g. `CreateUser`.
    pub name: String,
    /// e.g. `iam.amazonaws.com`.
    pub source: String,
    /// `Root`, `IAMUser` or `AssumedRole`.
    pub identity_type: String,
    /// The caller's ARN.
    pub arn: String,
    /// The user name (for root and users) or the role session name.
    pub user_name: String,
    /// The access key used.
    pub access_key_id: Option<String>,
    /// The caller's IP.
    pub source_ip: String,
    /// The region.
    pub region: String,
    /// The error code, when the call failed.
    pub error_code: Option<String>,
    /// The error message, when the call failed.
    pub error_message: Option<String>,
    /// True for calls that only read.
    pub read_only: bool,
    /// The call's parameters.
    pub request_parameters: Value,
    /// False for data events (S3 object reads and writes), which the event history does not
    /// show: only trails configured for data events record them.
    pub management: bool,
    /// For a `WebIdentityUser`: the provider that vouched for it (the issuer without
    /// `https://`), and the `principalId` CloudTrail gives it (`PROVIDER:AUDIENCE:SUBJECT`).
    pub web_identity: Option<(String, String)>,
    /// The caller's account, when the event is recorded in another one (a role assumed
    /// across accounts is recorded in the role's account too); `None`: the account that
    /// holds the event.
    pub caller_account: Option<String>,
    /// What the call returned that CloudTrail keeps (`responseElements`): for the STS calls
    /// that hand out credentials, the access key id and expiry (never the secret), the
    /// assumed role user and, for a web identity, the token's subject, provider and audience;
    /// `Null` otherwise.
    pub response_elements: Value,
    /// For a call of a role session from `AssumeRoleWithWebIdentity`: the OIDC provider's
    /// ARN, shown as `userIdentity.sessionContext.webIdFederationData.federatedProvider`.
    pub federated_provider: Option<String>,
    /// For a call recorded in two accounts (the caller's and the resource owner's): the id
    /// both events share (`sharedEventID`), while each keeps its own `eventID` and
    /// `recipientAccountId`
    /// (<https://docs.aws.amazon.com/awscloudtrail/latest/userguide/shared-event-ID.html>).
    pub shared_event_id: Option<String>,
}

/// The `responseElements` CloudTrail keeps of an STS call's answer `v`: its fields with
/// camelCase names, the credentials without their secret parts
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html>); `Null`
/// for other calls.
pub fn response_elements(operation: &str, v: &Value) -> Value {
    const STS: [&str; 5] = [
        "AssumeRole",
        "AssumeRoleWithWebIdentity",
        "AssumeRoleWithSAML",
        "GetSessionToken",
        "GetFederationToken",
    ];
    fn camel(v: &Value) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.iter()
                    .filter(|(k, _)| !matches!(k.as_str(), "SecretAccessKey" | "SessionToken"))
                    .map(|(k, v)| {
                        let mut c = k.chars();
                        let key = c
                            .next()
                            .map(|f| f.to_ascii_lowercase().to_string() + c.as_str())
                            .unwrap_or_default();
                        (key, camel(v))
                    })
                    .collect(),
            ),
            other => other.clone(),
        }
    }
    if STS.contains(&operation) && v.is_object() {
        camel(v)
    } else {
        Value::Null
    }
}

/// A trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trail {
    /// Name.
    pub name: String,
    /// The S3 bucket it writes to.
    pub bucket: String,
    /// Logging is on.
    pub logging: bool,
    /// Records every region.
    pub multi_region: bool,
    /// Log file integrity validation.
    pub log_file_validation: bool,
    /// When logging last started.
    pub started: Option<Timestamp>,
    /// When logging last stopped.
    pub stopped: Option<Timestamp>,
}

impl Trail {
    /// A trail writing to `bucket`, not logging until `start-logging`.
    pub fn new(name: &str, bucket: &str) -> Trail {
        Trail {
            name: name.to_string(),
            bucket: bucket.to_string(),
            logging: false,
            multi_region: false,
            log_file_validation: false,
            started: None,
            stopped: None,
        }
    }
}

/// The account's CloudTrail state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CloudTrail {
    /// Trails.
    pub trails: Vec<Trail>,
    /// The event history, oldest first.
    pub events: Vec<Event>,
}

fn event_source(service: &str) -> String {
    let s = match service {
        "s3api" | "s3" => "s3",
        other => other,
    };
    format!("{s}.amazonaws.com")
}

/// Records a call in the event history.
pub fn record(
    account: &mut Account,
    caller: &Caller,
    spec: &Spec,
    args: &Args,
    err: Option<&AwsError>,
) {
    let id = account.new_id("", 8).to_lowercase();
    let (identity_type, user_name) = match &caller.identity {
        Identity::Root => ("Root", "root".to_string()),
        Identity::User(n) => ("IAMUser", n.clone()),
        Identity::Role { session, .. } => ("AssumedRole", session.clone()),
    };
    let read_only = ["Get", "List", "Describe", "Lookup", "Generate"]
        .iter()
        .any(|p| spec.operation.starts_with(p));
    let event = Event {
        id: format!("{id}-0000-4000-8000-000000000000"),
        time: account.now,
        name: match spec.service {
            "lambda" => super::lambda::event_name(spec.operation).unwrap_or(spec.operation),
            _ => spec.operation,
        }
        .to_string(),
        source: event_source(spec.service),
        identity_type: identity_type.to_string(),
        arn: account.caller_arn(caller),
        user_name,
        access_key_id: caller.access_key_id.clone(),
        source_ip: caller.source_ip.clone(),
        region: caller.region.clone(),
        error_code: err.map(|e| e.code.clone()),
        error_message: err.map(|e| e.message.clone()),
        read_only,
        request_parameters: args.request_parameters(),
        management: !matches!(
            spec.operation,
            "GetObject"
                | "PutObject"
                | "ListObjectsV2"
                | "DeleteObject"
                | "CopyObject"
                | "HeadObject"
                | "Invoke"
        ),
        web_identity: None,
        caller_account: None,
        response_elements: Value::Null,
        federated_provider: caller
            .session_key
            .as_ref()
            .and_then(|k| account.sessions.get(k))
            .and_then(|s| s.federated.clone()),
        shared_event_id: None,
    };
    account.cloudtrail.events.push(event);
}

/// Records an `AssumeRoleWithWebIdentity` call, which is unsigned: its `userIdentity` is the
/// token's user (`WebIdentityUser`, with the provider, and `PROVIDER:AUDIENCE:SUBJECT` as its
/// `principalId`), or an empty one for a token STS could not read
/// (<https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html#STS-API-SAML-WIF>).
pub fn record_web_identity(
    account: &mut Account,
    caller: &Caller,
    args: &Args,
    who: Option<&super::sts::WebIdentityUser>,
    response: Option<&Value>,
    err: Option<&AwsError>,
) {
    let id = account.new_id("", 8).to_lowercase();
    let event = Event {
        id: format!("{id}-0000-4000-8000-000000000000"),
        time: account.now,
        name: "AssumeRoleWithWebIdentity".into(),
        source: event_source("sts"),
        identity_type: "WebIdentityUser".into(),
        arn: String::new(),
        user_name: who.map(|w| w.subject.clone()).unwrap_or_default(),
        access_key_id: None,
        source_ip: caller.source_ip.clone(),
        region: caller.region.clone(),
        error_code: err.map(|e| e.code.clone()),
        error_message: err.map(|e| e.message.clone()),
        read_only: false,
        request_parameters: args.request_parameters(),
        management: true,
        web_identity: Some(match who {
            Some(w) => (
                w.provider.clone(),
                format!("{}:{}:{}", w.provider, w.audience, w.subject),
            ),
            None => (String::new(), String::new()),
        }),
        caller_account: None,
        response_elements: response
            .map(|v| response_elements("AssumeRoleWithWebIdentity", v))
            .unwrap_or(Value::Null),
        federated_provider: None,
        shared_event_id: None,
    };
    account.cloudtrail.events.push(event);
}

/// Records in `account` a copy of `event`, which the account `caller_account` recorded: a
/// call on a resource of `account` made from `caller_account`. CloudTrail sends such a call
/// to both accounts, as two events with one `sharedEventID` and each its own `eventID` and
/// `recipientAccountId`, `userIdentity.accountId` naming the caller's account in both
/// (<https://docs.aws.amazon.com/awscloudtrail/latest/userguide/shared-event-ID.html>,
/// <https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html>):
/// a role assumed across accounts
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html>), or
/// another account's Lambda function read, changed or invoked. Returns the shared id, which
/// the caller's event takes too.
pub fn record_for(account: &mut Account, mut event: Event, caller_account: &str) -> String {
    let id = account.new_id("", 8).to_lowercase();
    let shared = format!(
        "{}-0000-4000-8000-000000000000",
        account.new_id("", 8).to_lowercase()
    );
    event.id = format!("{id}-0000-4000-8000-000000000000");
    event.caller_account = Some(caller_account.to_string());
    event.shared_event_id = Some(shared.clone());
    account.cloudtrail.events.push(event);
    shared
}

impl Event {
    /// The full CloudTrail record, as in the `CloudTrailEvent` field.
    pub fn record_json(&self, account_id: &str) -> Value {
        obj([
            ("eventVersion", json!("1.09")),
            (
                "userIdentity",
                match &self.web_identity {
                    // A token STS could not read names no one.
                    Some((provider, _)) if provider.is_empty() => {
                        obj([("type", json!(self.identity_type))])
                    }
                    Some((provider, principal)) => obj([
                        ("type", json!(self.identity_type)),
                        ("principalId", json!(principal)),
                        ("userName", json!(self.user_name)),
                        ("identityProvider", json!(provider)),
                    ]),
                    None => obj([
                        ("type", json!(self.identity_type)),
                        ("arn", json!(self.arn)),
                        (
                            "accountId",
                            json!(self.caller_account.as_deref().unwrap_or(account_id)),
                        ),
                        ("accessKeyId", json!(self.access_key_id)),
                        ("userName", json!(self.user_name)),
                        // A web identity session names its provider
                        // (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html).
                        (
                            "sessionContext",
                            match &self.federated_provider {
                                Some(p) => {
                                    json!({"webIdFederationData": {"federatedProvider": p, "attributes": {}}})
                                }
                                None => Value::Null,
                            },
                        ),
                    ]),
                },
            ),
            (
                "eventTime",
                json!(self.time.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()),
            ),
            ("eventSource", json!(self.source)),
            ("eventName", json!(self.name)),
            ("awsRegion", json!(self.region)),
            ("sourceIPAddress", json!(self.source_ip)),
            ("userAgent", json!("aws-cli/2 iamdojo-sandbox")),
            (
                "requestParameters",
                if self
                    .request_parameters
                    .as_object()
                    .is_some_and(|m| m.is_empty())
                {
                    Value::Null
                } else {
                    self.request_parameters.clone()
                },
            ),
            ("responseElements", self.response_elements.clone()),
            ("errorCode", json!(self.error_code)),
            ("errorMessage", json!(self.error_message)),
            ("eventID", json!(self.id)),
            ("readOnly", json!(self.read_only)),
            ("eventType", json!("AwsApiCall")),
            ("recipientAccountId", json!(account_id)),
            ("sharedEventID", json!(self.shared_event_id)),
        ])
    }
}

/// The CloudTrail commands.
pub const COMMANDS: &[Spec] = &[
    Spec {
        service: "cloudtrail",
        name: "lookup-events",
        operation: "LookupEvents",
        params: &[],
        run: lookup_events,
    },
    Spec {
        service: "cloudtrail",
        name: "create-trail",
        operation: "CreateTrail",
        params: &[],
        run: create_trail,
    },
    Spec {
        service: "cloudtrail",
        name: "start-logging",
        operation: "StartLogging",
        params: &[],
        run: start_logging,
    },
    Spec {
        service: "cloudtrail",
        name: "stop-logging",
        operation: "StopLogging",
        params: &[],
        run: stop_logging,
    },
    Spec {
        service: "cloudtrail",
        name: "describe-trails",
        operation: "DescribeTrails",
        params: &[],
        run: describe_trails,
    },
    Spec {
        service: "cloudtrail",
        name: "get-trail-status",
        operation: "GetTrailStatus",
        params: &[],
        run: get_trail_status,
    },
];

fn trail_arn(c: &Call, name: &str) -> String {
    format!(
        "arn:aws:cloudtrail:{}:{}:trail/{name}",
        c.caller.region, c.account.id
    )
}

fn lookup_events(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("cloudtrail:LookupEvents", "*", &[])?;
    let mut filter: Option<(String, String)> = None;
    // Read by the command layer into the model's shape, from shorthand or JSON.
    for attr in a
        .member("LookupAttributes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let key = attr.get("AttributeKey").and_then(Value::as_str);
        let value = attr.get("AttributeValue").and_then(Value::as_str);
        match (key, value) {
            (Some(k), Some(v)) => filter = Some((k.to_string(), v.to_string())),
            _ => return Err(c.err(
                "InvalidLookupAttributesException",
                format!(
                    "cannot read `{attr}`: write AttributeKey=EventName,AttributeValue=CreateUser"
                ),
            )),
        }
    }
    let parse_t = |s: Option<&str>| s.and_then(crate::policy::condition::parse_date);
    let (start, end) = (parse_t(a.opt("start-time")), parse_t(a.opt("end-time")));
    let max = a.int("max-results").unwrap_or(50).clamp(1, 50) as usize;
    let id = c.account.id.clone();
    let events: Vec<Value> = c
        .account
        .cloudtrail
        .events
        .iter()
        .rev()
        .filter(|e| e.management)
        .filter(|e| start.is_none_or(|s| e.time >= s) && end.is_none_or(|t| e.time <= t))
        .filter(|e| match &filter {
            None => true,
            Some((k, v)) => match k.as_str() {
                "EventName" => e.name == *v,
                "Username" => e.user_name == *v,
                "AccessKeyId" => e.access_key_id.as_deref() == Some(v.as_str()),
                "EventSource" => e.source == *v,
                "ReadOnly" => e.read_only.to_string() == *v,
                "EventId" => e.id == *v,
                _ => false,
            },
        })
        .take(max)
        .map(|e| {
            obj([
                ("EventId", json!(e.id)),
                ("EventName", json!(e.name)),
                ("ReadOnly", json!(e.read_only.to_string())),
                ("AccessKeyId", json!(e.access_key_id)),
                ("EventTime", time(e.time)),
                ("EventSource", json!(e.source)),
                ("Username", json!(e.user_name)),
                ("Resources", json!([])),
                ("CloudTrailEvent", json!(e.record_json(&id).to_string())),
            ])
        })
        .collect();
    Ok(json!({ "Events": events }))
}

fn find_trail<'a>(c: &'a mut Call, name: &str) -> Result<&'a mut Trail, AwsError> {
    let op = c.operation;
    c.account
        .cloudtrail
        .trails
        .iter_mut()
        .find(|t| t.name == name || name.ends_with(&format!(":trail/{}", t.name)))
        .ok_or_else(|| {
            AwsError::new(
                op,
                "TrailNotFoundException",
                format!("Unknown trail: {name} for the user: (account)"),
            )
        })
}

fn create_trail(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("name").to_string();
    c.allow("cloudtrail:CreateTrail", &trail_arn(c, &name), &[])?;
    if c.account.cloudtrail.trails.iter().any(|t| t.name == name) {
        return Err(c.err(
            "TrailAlreadyExistsException",
            format!("Trail {name} already exists for customer: {}", c.account.id),
        ));
    }
    let bucket = a.s("s3-bucket-name").to_string();
    if !c.account.buckets.contains_key(&bucket) {
        return Err(c.err(
            "S3BucketDoesNotExistException",
            format!("S3 bucket {bucket} does not exist."),
        ));
    }
    let arn = trail_arn(c, &name);
    // A bucket without a policy lets CloudTrail write nothing either: "if you create a trail
    // with the AWS CLI or API, you must add a policy to the bucket" yourself (only the console
    // writes one for you).
    let lets_write = c
        .account
        .buckets
        .get(&bucket)
        .and_then(|b| b.policy.as_ref())
        .is_some_and(|policy| {
            lets_cloudtrail_write(&c.account.id, &bucket, &arn, &c.caller.region, policy)
        });
    if !lets_write {
        // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
        return Err(c.err(
            "InsufficientS3BucketPolicyException",
            format!("Incorrect S3 bucket policy is detected for bucket: {bucket}"),
        ));
    }
    let mut t = Trail::new(&name, &bucket);
    t.multi_region = a.flag("is-multi-region-trail").unwrap_or(false);
    t.log_file_validation = a.flag("enable-log-file-validation").unwrap_or(false);
    let out = obj([
        ("Name", json!(name)),
        ("S3BucketName", json!(bucket)),
        ("IncludeGlobalServiceEvents", json!(true)),
        ("IsMultiRegionTrail", json!(t.multi_region)),
        ("TrailARN", json!(arn)),
        ("LogFileValidationEnabled", json!(t.log_file_validation)),
        ("IsOrganizationTrail", json!(false)),
    ]);
    c.account.cloudtrail.trails.push(t);
    Ok(out)
}

/// Whether the bucket policy `policy` lets CloudTrail do what it checks before it creates a
/// trail: read the bucket's ACL (`s3:GetBucketAcl` on the bucket) and write the trail's log
/// files (`s3:PutObject` under `AWSLogs/ACCOUNT/`, with the ACL `bucket-owner-full-control`),
/// as the service principal `cloudtrail.amazonaws.com` for the trail `trail`
/// (<https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html>).
/// The bucket policy decides alone: a service principal has no identity-based policies.
fn lets_cloudtrail_write(
    account: &str,
    bucket: &str,
    trail: &str,
    region: &str,
    policy: &super::model::Document,
) -> bool {
    use crate::eval::{Context, PolicySet, Principal, Request, SourceType, SourcedPolicy};
    let Ok(principal) = Principal::from_arn("cloudtrail.amazonaws.com") else {
        return false;
    };
    let set = PolicySet {
        resource: Some(SourcedPolicy::new(
            policy.policy.clone(),
            "BucketPolicy",
            SourceType::Resource,
        )),
        ..PolicySet::default()
    };
    let log = format!(
        "arn:aws:s3:::{bucket}/AWSLogs/{account}/CloudTrail/{region}/{account}_CloudTrail_{region}.json.gz"
    );
    [
        ("s3:GetBucketAcl", format!("arn:aws:s3:::{bucket}")),
        ("s3:PutObject", log),
    ]
    .into_iter()
    .all(|(action, resource)| {
        let mut ctx = Context::new();
        ctx.set(
            "aws:PrincipalServiceName",
            "cloudtrail.amazonaws.com".to_string(),
        );
        ctx.set("aws:SourceArn", trail.to_string());
        ctx.set("aws:SourceAccount", account.to_string());
        if action == "s3:PutObject" {
            ctx.set("s3:x-amz-acl", "bucket-owner-full-control".to_string());
        }
        let req = Request::new(principal.clone(), action, &resource, ctx)
            .with_resource_account(Some(account.to_string()));
        let d = crate::eval::evaluate(&req, &set);
        d.is_allowed() && d.allowed_by_resource == Some(true)
    })
}

fn set_logging(c: &mut Call, a: &Args, on: bool, action: &str) -> Result<Value, AwsError> {
    let name = a.s("name").to_string();
    c.allow(action, &trail_arn(c, &name), &[])?;
    let now = c.account.now;
    let t = find_trail(c, &name)?;
    if t.logging != on {
        if on {
            t.started = Some(now);
        } else {
            t.stopped = Some(now);
        }
    }
    t.logging = on;
    Ok(Value::Null)
}

fn start_logging(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    set_logging(c, a, true, "cloudtrail:StartLogging")
}

fn stop_logging(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    set_logging(c, a, false, "cloudtrail:StopLogging")
}

fn describe_trails(c: &mut Call, _: &Args) -> Result<Value, AwsError> {
    c.allow("cloudtrail:DescribeTrails", "*", &[])?;
    let list: Vec<Value> = c
        .account
        .cloudtrail
        .trails
        .iter()
        .map(|t| {
            obj([
                ("Name", json!(t.name)),
                ("S3BucketName", json!(t.bucket)),
                ("IsMultiRegionTrail", json!(t.multi_region)),
                ("HomeRegion", json!(c.caller.region)),
                ("TrailARN", json!(trail_arn(c, &t.name))),
                ("LogFileValidationEnabled", json!(t.log_file_validation)),
                ("IncludeGlobalServiceEvents", json!(true)),
                ("HasCustomEventSelectors", json!(false)),
                ("HasInsightSelectors", json!(false)),
                ("IsOrganizationTrail", json!(false)),
            ])
        })
        .collect();
    Ok(json!({ "trailList": list }))
}

fn get_trail_status(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let name = a.s("name").to_string();
    c.allow("cloudtrail:GetTrailStatus", &trail_arn(c, &name), &[])?;
    let t = find_trail(c, &name)?.clone();
    // CloudTrail delivers a log file about every five minutes: the last delivery is the last
    // whole five minutes since logging started, up to when it stopped.
    let end = if t.logging {
        Some(c.account.now)
    } else {
        t.stopped
    };
    let delivered = match (t.started, end) {
        (Some(s), Some(e)) if e.as_second() - s.as_second() >= DELIVERY_SECONDS => {
            let whole = (e.as_second() - s.as_second()) / DELIVERY_SECONDS * DELIVERY_SECONDS;
            Timestamp::from_second(s.as_second() + whole).ok()
        }
        _ => None,
    };
    // The string fields are empty, not absent, when there is nothing to say.
    let utc = |t: Option<Timestamp>| {
        json!(
            t.map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
                .unwrap_or_default()
        )
    };
    Ok(obj([
        ("IsLogging", json!(t.logging)),
        (
            "LatestDeliveryTime",
            delivered.map(time).unwrap_or(Value::Null),
        ),
        (
            "StartLoggingTime",
            t.started.map(time).unwrap_or(Value::Null),
        ),
        (
            "StopLoggingTime",
            t.stopped.map(time).unwrap_or(Value::Null),
        ),
        ("LatestDeliveryAttemptTime", utc(delivered)),
        ("LatestNotificationAttemptTime", json!("")),
        ("LatestNotificationAttemptSucceeded", json!("")),
        ("LatestDeliveryAttemptSucceeded", utc(delivered)),
        ("TimeLoggingStarted", utc(t.started)),
        ("TimeLoggingStopped", utc(t.stopped)),
    ]))
}

/// How often CloudTrail delivers log files to the bucket, in seconds (about every 5 minutes).
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/how-cloudtrail-works.html
const DELIVERY_SECONDS: i64 = 300;
