//! EC2 as far as the course needs it: instances (with hourly prices, so that a stolen key
//! running twenty GPU instances shows up on the bill) that go through EC2's states as
//! simulated time passes, in the account's default VPC; AMIs; instance profiles that hand a
//! role to an instance; security groups (`security_group.rs`); `--filters` (`filter.rs`); the
//! default network (`network.rs`); and the instance metadata service that gives the instance
//! temporary role credentials (`imds.rs`).

pub mod filter;
pub mod imds;
pub mod network;
pub mod security_group;

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use super::Account;
use super::command::cli_error::{self, CliError, Kind as ErrKind};
use super::command::{Args, Call, Kind, Spec, obj, opt, req, time};
use super::error::AwsError;
use super::model::Tag;
use filter::Filter;
pub use imds::ImdsError;
pub use security_group::{Rule, SecurityGroup};

/// On-Demand Linux prices in us-east-1, US dollars per hour, from
/// <https://aws.amazon.com/ec2/pricing/on-demand/> (a snapshot; the simulation needs
/// realistic orders of magnitude, not today's exact cent).
pub const PRICES: &[(&str, f64)] = &[
    ("t2.micro", 0.0116),
    ("t3.micro", 0.0104),
    ("t3.small", 0.0208),
    ("t3.medium", 0.0416),
    ("m5.large", 0.096),
    ("m5.xlarge", 0.192),
    ("c5.large", 0.085),
    ("c5.xlarge", 0.17),
    ("c5.24xlarge", 4.08),
    ("r5.24xlarge", 6.048),
    ("g4dn.xlarge", 0.526),
    ("g4dn.12xlarge", 3.912),
    ("p3.2xlarge", 3.06),
    ("p3.8xlarge", 12.24),
    ("p3.16xlarge", 24.48),
    ("x1.32xlarge", 13.338),
];

/// The hourly price of an instance type, if the simulation knows it.
pub fn hourly_price(instance_type: &str) -> Option<f64> {
    PRICES
        .iter()
        .find(|(t, _)| *t == instance_type)
        .map(|(_, p)| *p)
}

/// How long an instance stays `pending` before it is `running` (simulated; AWS gives no
/// figure, a real launch takes from seconds to a minute or two).
pub const PENDING_FOR: SignedDuration = SignedDuration::from_secs(30);
/// How long an instance stays `stopping` before it is `stopped` (simulated).
pub const STOPPING_FOR: SignedDuration = SignedDuration::from_secs(60);
/// How long an instance stays `shutting-down` before it is `terminated` (simulated).
pub const SHUTTING_DOWN_FOR: SignedDuration = SignedDuration::from_secs(60);

/// An instance's state, with AWS's codes
/// (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceState.html>) and its
/// life cycle (<https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-lifecycle.html>).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Launched or started, getting ready to run (not billed).
    Pending,
    /// Running (and billed).
    Running,
    /// Being terminated.
    ShuttingDown,
    /// Terminated: gone for good.
    Terminated,
    /// Being stopped.
    Stopping,
    /// Stopped: can be started again.
    Stopped,
}

impl State {
    /// Every state, in code order.
    pub const ALL: [State; 6] = [
        State::Pending,
        State::Running,
        State::ShuttingDown,
        State::Terminated,
        State::Stopping,
        State::Stopped,
    ];

    /// AWS's name and code.
    pub fn name_code(self) -> (&'static str, u32) {
        match self {
            State::Pending => ("pending", 0),
            State::Running => ("running", 16),
            State::ShuttingDown => ("shutting-down", 32),
            State::Terminated => ("terminated", 48),
            State::Stopping => ("stopping", 64),
            State::Stopped => ("stopped", 80),
        }
    }

    /// AWS's name.
    pub fn name(self) -> &'static str {
        self.name_code().0
    }

    /// The state AWS names so.
    pub fn from_name(name: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.name() == name)
    }

    /// `{"Code": …, "Name": …}`.
    pub fn json(self) -> Value {
        let (name, code) = self.name_code();
        json!({"Code": code, "Name": name})
    }

    /// The state this one becomes on its own, and after how long; `None` for a state that
    /// stays until a call changes it.
    pub fn next(self) -> Option<(State, SignedDuration)> {
        match self {
            State::Pending => Some((State::Running, PENDING_FOR)),
            State::Stopping => Some((State::Stopped, STOPPING_FOR)),
            State::ShuttingDown => Some((State::Terminated, SHUTTING_DOWN_FOR)),
            _ => None,
        }
    }
}

/// An EC2 instance.
#[derive(Debug, Clone, PartialEq)]
pub struct Instance {
    /// `i-…`.
    pub id: String,
    /// e.g. `t3.micro`.
    pub instance_type: String,
    /// State.
    pub state: State,
    /// When the instance entered its state.
    pub state_since: Timestamp,
    /// Region.
    pub region: String,
    /// When it was last launched or started (AWS's `LaunchTime`).
    pub launched: Timestamp,
    /// When it stopped running (stopping or shutting down began), for billing and
    /// `StateTransitionReason`.
    pub stopped_at: Option<Timestamp>,
    /// Image id.
    pub image_id: String,
    /// Instance profile name.
    pub instance_profile: Option<String>,
    /// Security group ids.
    pub security_groups: Vec<String>,
    /// Who launched it (ARN).
    pub launched_by: String,
    /// The access key used to launch it.
    pub launched_with_key: Option<String>,
    /// From which IP.
    pub launched_from: String,
    /// User data (a startup script).
    pub user_data: String,
    /// `required` when IMDSv2 is enforced, else `optional`.
    pub http_tokens: String,
    /// `enabled` or `disabled`: whether the metadata service answers at all.
    pub http_endpoint: String,
    /// How many network hops a metadata response may travel (1 to 64).
    pub hop_limit: i64,
    /// Key pair name.
    pub key_name: Option<String>,
    /// The default subnet it runs in.
    pub subnet_id: String,
    /// Its primary private IPv4 address.
    pub private_ip: String,
    /// Tags.
    pub tags: Vec<Tag>,
    /// Its position in the launch request (`AmiLaunchIndex`).
    pub launch_index: u32,
    /// The metadata service's session tokens, with when each expires.
    pub imds_tokens: Vec<(String, Timestamp)>,
    /// A web application running on it that fetches any URL it is given (a scenario's
    /// server-side request forgery), if any.
    pub web_app: Option<WebApp>,
}

/// A vulnerable web application on an instance: `http://HOST/fetch?PARAM=URL` makes the
/// instance GET `URL` and answers with what came back, so a request for the metadata
/// service's address reaches it from the instance (server-side request forgery). It sends a
/// GET only, without headers of the caller's choice: it cannot ask IMDSv2 for a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebApp {
    /// The name it answers at (`app.internal`).
    pub host: String,
    /// The query parameter holding the URL to fetch (`url`).
    pub fetch_param: String,
}

/// Where an instance sits in the network, worked out from its subnet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Net {
    /// Availability Zone.
    pub zone: String,
    /// VPC id.
    pub vpc_id: String,
    /// Private DNS name.
    pub private_dns: String,
    /// Public address while it runs.
    pub public_ip: Option<String>,
    /// Public DNS name while it runs (`""` otherwise, as AWS prints it).
    pub public_dns: String,
    /// The primary network interface's id.
    pub eni: String,
    /// Its MAC address.
    pub mac: String,
}

impl Instance {
    /// A new instance launched at `now` in `subnet`, `pending`, with the defaults of
    /// `run-instances` (IMDSv1 and v2 both allowed, endpoint on, hop limit 1).
    pub fn new(
        id: &str,
        instance_type: &str,
        subnet: &network::Subnet,
        private_ip: String,
        now: Timestamp,
    ) -> Instance {
        Instance {
            id: id.to_string(),
            instance_type: instance_type.to_string(),
            state: State::Pending,
            state_since: now,
            region: subnet
                .zone
                .trim_end_matches(|c: char| c.is_ascii_lowercase())
                .to_string(),
            launched: now,
            stopped_at: None,
            image_id: DEFAULT_IMAGE.to_string(),
            instance_profile: None,
            security_groups: Vec::new(),
            launched_by: String::new(),
            launched_with_key: None,
            launched_from: String::new(),
            user_data: String::new(),
            http_tokens: "optional".into(),
            http_endpoint: "enabled".into(),
            hop_limit: 1,
            key_name: None,
            subnet_id: subnet.id.clone(),
            private_ip,
            tags: Vec::new(),
            launch_index: 0,
            imds_tokens: Vec::new(),
            web_app: None,
        }
    }

    /// Hours billed up to `now`: from launch to when it stopped running.
    pub fn billed_hours(&self, now: Timestamp) -> f64 {
        let end = match self.state {
            State::Pending | State::Running => now,
            _ => self.stopped_at.unwrap_or(now).min(now),
        };
        let secs = end.as_second() - self.launched.as_second();
        (secs.max(0) as f64) / 3600.0
    }

    /// Cost up to `now`, in dollars.
    pub fn cost(&self, now: Timestamp) -> f64 {
        hourly_price(&self.instance_type).unwrap_or(0.1) * self.billed_hours(now)
    }

    /// True when its start-up script runs a crypto miner.
    pub fn mines_crypto(&self) -> bool {
        let u = self.user_data.to_ascii_lowercase();
        [
            "xmrig",
            "minerd",
            "cgminer",
            "stratum+tcp",
            "nicehash",
            "ethminer",
        ]
        .iter()
        .any(|m| u.contains(m))
    }

    /// Moves to `to` at `at`.
    fn enter(&mut self, to: State, at: Timestamp) {
        self.state = to;
        self.state_since = at;
    }

    /// Where it sits in the network.
    pub fn network(&self, acct: &Account) -> Net {
        let subnet = network::find_subnet(&acct.id, &self.region, &self.subnet_id);
        let zone = subnet
            .as_ref()
            .map(|s| s.zone.clone())
            .unwrap_or_else(|| format!("{}a", self.region));
        let public_ip = (self.state == State::Running)
            .then(|| network::public_ip(&self.id, &self.launched.as_second().to_string()));
        let eni = network::derived_id("eni", &["eni", &self.id]);
        Net {
            zone,
            vpc_id: network::default_vpc_id(&acct.id, &self.region),
            private_dns: network::private_dns(&self.private_ip, &self.region),
            public_dns: public_ip
                .as_deref()
                .map(|ip| network::public_dns(ip, &self.region))
                .unwrap_or_default(),
            public_ip,
            mac: network::mac_address(&eni),
            eni,
        }
    }
}

/// Lets each instance in a passing state (`pending`, `stopping`, `shutting-down`) reach the
/// next one once its time is up; called by [`Account::advance`].
pub fn settle(acct: &mut Account) {
    let now = acct.now;
    for i in acct.instances.values_mut() {
        while let Some((to, after)) = i.state.next() {
            let due = i.state_since.checked_add(after).unwrap_or(i.state_since);
            if due > now {
                break;
            }
            i.enter(to, due);
            if to == State::Running {
                i.imds_tokens.clear();
            }
        }
    }
}

/// The image scenarios and the sandbox launch from unless told otherwise.
pub const DEFAULT_IMAGE: &str = "ami-0abcdef1234567890";

/// An Amazon Machine Image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// `ami-…`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// The owner's account id.
    pub owner_id: String,
    /// `amazon` for Amazon's own images.
    pub owner_alias: Option<String>,
    /// `x86_64` or `arm64`.
    pub architecture: String,
    /// `v2.0` when instances launched from it require IMDSv2 by default.
    pub imds_support: Option<String>,
    /// When it was created.
    pub created: Timestamp,
    /// Whether every account may launch it.
    pub public: bool,
}

/// The images every account sees: one Amazon Linux 2 AMI under the id the AWS CLI's own
/// examples use.
pub fn builtin_images(now: Timestamp) -> Vec<Image> {
    vec![Image {
        id: DEFAULT_IMAGE.into(),
        name: "amzn2-ami-kernel-5.10-hvm-2.0.20250108.0-x86_64-gp2".into(),
        description: "Amazon Linux 2 Kernel 5.10 AMI 2.0.20250108.0 x86_64 HVM gp2".into(),
        owner_id: "137112412989".into(),
        owner_alias: Some("amazon".into()),
        architecture: "x86_64".into(),
        imds_support: None,
        created: Timestamp::from_second(1_736_380_800).unwrap_or(now),
        public: true,
    }]
}

/// The EC2 commands.
pub const COMMANDS: &[Spec] = &[
    Spec {
        service: "ec2",
        name: "run-instances",
        operation: "RunInstances",
        params: &[],
        run: run_instances,
    },
    Spec {
        service: "ec2",
        name: "describe-instances",
        operation: "DescribeInstances",
        params: &[],
        run: describe_instances,
    },
    Spec {
        service: "ec2",
        name: "start-instances",
        operation: "StartInstances",
        params: &[],
        run: start_instances,
    },
    Spec {
        service: "ec2",
        name: "stop-instances",
        operation: "StopInstances",
        params: &[],
        run: stop_instances,
    },
    Spec {
        service: "ec2",
        name: "terminate-instances",
        operation: "TerminateInstances",
        params: &[],
        run: terminate_instances,
    },
    Spec {
        service: "ec2",
        name: "wait",
        operation: "DescribeInstances",
        params: &[
            req("waiter", Kind::Positional),
            opt("instance-ids", Kind::List),
            opt("filters", Kind::List),
        ],
        run: wait,
    },
    Spec {
        service: "ec2",
        name: "associate-iam-instance-profile",
        operation: "AssociateIamInstanceProfile",
        params: &[],
        run: associate_profile,
    },
    Spec {
        service: "ec2",
        name: "modify-instance-metadata-options",
        operation: "ModifyInstanceMetadataOptions",
        params: &[],
        run: modify_metadata,
    },
    Spec {
        service: "ec2",
        name: "describe-images",
        operation: "DescribeImages",
        params: &[],
        run: describe_images,
    },
    Spec {
        service: "ec2",
        name: "describe-regions",
        operation: "DescribeRegions",
        params: &[],
        run: describe_regions,
    },
    Spec {
        service: "ec2",
        name: "describe-vpcs",
        operation: "DescribeVpcs",
        params: &[],
        run: describe_vpcs,
    },
    Spec {
        service: "ec2",
        name: "describe-subnets",
        operation: "DescribeSubnets",
        params: &[],
        run: describe_subnets,
    },
    Spec {
        service: "ec2",
        name: "create-security-group",
        operation: "CreateSecurityGroup",
        params: &[],
        run: security_group::create,
    },
    Spec {
        service: "ec2",
        name: "describe-security-groups",
        operation: "DescribeSecurityGroups",
        params: &[],
        run: security_group::describe,
    },
    Spec {
        service: "ec2",
        name: "authorize-security-group-ingress",
        operation: "AuthorizeSecurityGroupIngress",
        params: &[],
        run: security_group::authorize_ingress,
    },
    Spec {
        service: "ec2",
        name: "revoke-security-group-ingress",
        operation: "RevokeSecurityGroupIngress",
        params: &[],
        run: security_group::revoke_ingress,
    },
];

fn instance_arn(c: &Call, id: &str) -> String {
    format!(
        "arn:aws:ec2:{}:{}:instance/{id}",
        c.caller.region, c.account.id
    )
}

/// Reads `Name=x` / `Arn=arn:…` / `{"Name": …}` (or a bare name) into an instance profile
/// name.
fn profile_name(v: &str) -> String {
    if let Ok(Value::Object(m)) = serde_json::from_str::<Value>(v) {
        if let Some(n) = m.get("Name").and_then(Value::as_str) {
            return n.to_string();
        }
        if let Some(a) = m.get("Arn").and_then(Value::as_str) {
            return a.rsplit('/').next().unwrap_or(a).to_string();
        }
    }
    for part in v.split(',') {
        if let Some(n) = part.strip_prefix("Name=") {
            return n.to_string();
        }
        if let Some(a) = part.strip_prefix("Arn=") {
            return a.rsplit('/').next().unwrap_or(a).to_string();
        }
    }
    v.to_string()
}

/// Checks `iam:PassRole` for the role inside an instance profile, as EC2 does when a profile
/// is given to an instance.
fn check_pass_role(c: &Call, profile: &str) -> Result<(), AwsError> {
    let Some(p) = c.account.instance_profiles.get(profile) else {
        return Err(c.err("InvalidParameterValue", format!("Value ({profile}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name")));
    };
    for role in &p.roles {
        if let Some(r) = c.account.roles.get(role) {
            c.account
                .authorize(
                    &c.caller,
                    c.operation,
                    "iam:PassRole",
                    &r.arn,
                    &[("iam:PassedToService", vec!["ec2.amazonaws.com".into()])],
                    None,
                )
                .map(|_| ())?;
        }
    }
    Ok(())
}

/// Reads `Key=value,Other=value` or a JSON object into its pairs (values as text).
fn pairs(text: &str) -> Vec<(String, String)> {
    let t = text.trim();
    if let Ok(Value::Object(m)) = serde_json::from_str::<Value>(t) {
        return m
            .into_iter()
            .map(|(k, v)| {
                let v = match v {
                    Value::String(s) => s,
                    other => other.to_string(),
                };
                (k, v)
            })
            .collect();
    }
    t.split(',')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// The instance tags of `--tag-specifications`, in shorthand
/// (`ResourceType=instance,Tags=[{Key=Name,Value=web}]`) or JSON.
fn instance_tags(c: &Call, specs: &[String]) -> Result<Vec<Tag>, AwsError> {
    let mut out = Vec::new();
    for s in specs {
        let t = s.trim();
        if t.starts_with('[') || t.starts_with('{') {
            let v: Value = serde_json::from_str(t).map_err(|e| {
                c.err(
                    "InvalidParameterValue",
                    format!("Error parsing parameter '--tag-specifications': {e}"),
                )
            })?;
            let list = match v {
                Value::Array(a) => a,
                other => vec![other],
            };
            for spec in list {
                if spec.get("ResourceType").and_then(Value::as_str) != Some("instance") {
                    continue;
                }
                let tags: Vec<Tag> =
                    serde_json::from_value(spec.get("Tags").cloned().unwrap_or(json!([])))
                        .map_err(|e| {
                            c.err(
                                "InvalidParameterValue",
                                format!("Error parsing parameter '--tag-specifications': {e}"),
                            )
                        })?;
                out.extend(tags);
            }
            continue;
        }
        let Some((head, tags)) = t.split_once("Tags=") else {
            return Err(c.err(
                "InvalidParameterValue",
                format!("Error parsing parameter '--tag-specifications': expected ResourceType=instance,Tags=[{{Key=…,Value=…}}], received: {t}"),
            ));
        };
        if !head.contains("ResourceType=instance") {
            continue;
        }
        for item in tags.split('{').skip(1) {
            let body = item.split('}').next().unwrap_or("");
            let kv = pairs(body);
            let get = |k: &str| {
                kv.iter()
                    .find(|(n, _)| n == k)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            };
            out.push(Tag {
                key: get("Key"),
                value: get("Value"),
            });
        }
    }
    Ok(out)
}

fn run_instances(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let ty = a.opt("instance-type").unwrap_or("m1.small").to_string();
    let count = a.int("count").unwrap_or(1);
    if !(1..=100).contains(&count) {
        return Err(c.err(
            "InvalidParameterValue",
            "The count must be between 1 and 100 in the simulation",
        ));
    }
    let resource = format!(
        "arn:aws:ec2:{}:{}:instance/*",
        c.caller.region, c.account.id
    );
    c.allow(
        "ec2:RunInstances",
        &resource,
        &[
            ("ec2:InstanceType", vec![ty.clone()]),
            ("ec2:Region", vec![c.caller.region.clone()]),
        ],
    )?;
    let profile = a.opt("iam-instance-profile").map(profile_name);
    if let Some(p) = &profile {
        check_pass_role(c, p)?;
    }
    let subnets = network::default_subnets(&c.account.id, &c.caller.region);
    let subnet = match a.opt("subnet-id") {
        Some(id) => subnets.iter().find(|s| s.id == id).cloned().ok_or_else(|| {
            c.err(
                "InvalidSubnetID.NotFound",
                format!("The subnet ID '{id}' does not exist"),
            )
        })?,
        None => subnets.first().cloned().ok_or_else(|| {
            c.err(
                "VPCIdNotSpecified",
                "No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.",
            )
        })?,
    };
    for sg in a.list("security-group-ids") {
        if !c.account.security_groups.contains_key(sg) {
            return Err(c.err(
                "InvalidGroup.NotFound",
                format!("The security group '{sg}' does not exist"),
            ));
        }
    }
    let tags = instance_tags(c, a.list("tag-specifications"))?;
    let image_id = a.s("image-id").to_string();
    // An image that says it supports IMDSv2 only launches with IMDSv2 required
    // (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html).
    let image_v2 = c
        .account
        .images
        .get(&image_id)
        .is_some_and(|i| i.imds_support.as_deref() == Some("v2.0"));
    let mut http_tokens = if image_v2 { "required" } else { "optional" }.to_string();
    let mut http_endpoint = "enabled".to_string();
    let mut hop_limit = 1;
    for (k, v) in a.opt("metadata-options").map(pairs).unwrap_or_default() {
        match k.as_str() {
            "HttpTokens" => http_tokens = v,
            "HttpEndpoint" => http_endpoint = v,
            "HttpPutResponseHopLimit" => hop_limit = v.parse().unwrap_or(1),
            _ => {}
        }
    }
    check_metadata_values(c, &http_tokens, &http_endpoint, hop_limit)?;
    let launched_by = c.account.caller_arn(&c.caller);
    let mut out = Vec::new();
    for n in 0..count {
        let id = format!("i-0{}", c.account.new_hex(16));
        let taken: Vec<String> = c
            .account
            .instances
            .values()
            .filter(|i| i.subnet_id == subnet.id && i.state != State::Terminated)
            .map(|i| i.private_ip.clone())
            .collect();
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        let ip = network::private_ip(&subnet, &id, &taken);
        let mut inst = Instance::new(&id, &ty, &subnet, ip, c.account.now);
        inst.image_id = image_id.clone();
        inst.instance_profile = profile.clone();
        inst.security_groups = a.list("security-group-ids").to_vec();
        inst.launched_by = launched_by.clone();
        inst.launched_with_key = c.caller.access_key_id.clone();
        inst.launched_from = c.caller.source_ip.clone();
        inst.user_data = a.opt("user-data").unwrap_or("").to_string();
        inst.http_tokens = http_tokens.clone();
        inst.http_endpoint = http_endpoint.clone();
        inst.hop_limit = hop_limit;
        inst.key_name = a.opt("key-name").map(str::to_string);
        inst.tags = tags.clone();
        inst.launch_index = u32::try_from(n).unwrap_or(0);
        let mut shown = instance_json(c.account, &inst);
        // A launch answers before the new options reach the instance.
        if let Some(m) = shown.get_mut("MetadataOptions") {
            m["State"] = json!("pending");
        }
        out.push(shown);
        c.account.instances.insert(id, inst);
    }
    let owner = c.account.id.clone();
    Ok(
        json!({ "Groups": [], "Instances": out, "OwnerId": owner, "ReservationId": format!("r-0{}", c.account.new_hex(16)) }),
    )
}

/// `StateTransitionReason` and `StateReason` for an instance's state, as EC2 words them for
/// a stop or termination asked for by a user.
fn reasons(i: &Instance) -> (String, Value) {
    let user = || json!({"Code": "Client.UserInitiatedShutdown", "Message": "Client.UserInitiatedShutdown: User initiated shutdown"});
    match (i.state, i.stopped_at) {
        (State::Pending, _) => (
            String::new(),
            json!({"Code": "pending", "Message": "pending"}),
        ),
        (State::Running, _) | (_, None) => (String::new(), Value::Null),
        (_, Some(t)) => (
            format!("User initiated ({})", t.strftime("%Y-%m-%d %H:%M:%S GMT")),
            user(),
        ),
    }
}

/// An instance as `describe-instances` and `run-instances` print it (the `Instance` shape of
/// <https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Instance.html>).
fn instance_json(acct: &Account, i: &Instance) -> Value {
    let net = i.network(acct);
    let groups: Vec<Value> = i
        .security_groups
        .iter()
        .map(|g| {
            json!({"GroupId": g, "GroupName": acct.security_groups.get(g).map(|s| s.name.clone()).unwrap_or_default()})
        })
        .collect();
    let (transition, reason) = reasons(i);
    let live = i.state != State::Terminated;
    let interfaces = if live {
        let suffix = net.eni.strip_prefix("eni-").unwrap_or(&net.eni);
        json!([{
            "Attachment": {
                "AttachTime": time(i.launched),
                "AttachmentId": format!("eni-attach-{suffix}"),
                "DeleteOnTermination": true,
                "DeviceIndex": 0,
                "Status": if i.state == State::Pending { "attaching" } else { "attached" },
                "NetworkCardIndex": 0
            },
            "Description": "",
            "Groups": groups,
            "Ipv6Addresses": [],
            "MacAddress": net.mac,
            "NetworkInterfaceId": net.eni,
            "OwnerId": acct.id,
            "PrivateDnsName": net.private_dns,
            "PrivateIpAddress": i.private_ip,
            "PrivateIpAddresses": [{
                "Primary": true,
                "PrivateDnsName": net.private_dns,
                "PrivateIpAddress": i.private_ip
            }],
            "SourceDestCheck": true,
            "Status": "in-use",
            "SubnetId": i.subnet_id,
            "VpcId": net.vpc_id,
            "InterfaceType": "interface"
        }])
    } else {
        json!([])
    };
    obj([
        ("AmiLaunchIndex", json!(i.launch_index)),
        ("ImageId", json!(i.image_id)),
        ("InstanceId", json!(i.id)),
        ("InstanceType", json!(i.instance_type)),
        ("KeyName", json!(i.key_name)),
        ("LaunchTime", time(i.launched)),
        ("Monitoring", json!({"State": "disabled"})),
        (
            "Placement",
            json!({"AvailabilityZone": net.zone, "GroupName": "", "Tenancy": "default"}),
        ),
        (
            "PrivateDnsName",
            json!(if live {
                net.private_dns.clone()
            } else {
                String::new()
            }),
        ),
        (
            "PrivateIpAddress",
            if live {
                json!(i.private_ip)
            } else {
                Value::Null
            },
        ),
        ("ProductCodes", json!([])),
        ("PublicDnsName", json!(net.public_dns)),
        ("PublicIpAddress", json!(net.public_ip)),
        ("State", i.state.json()),
        ("StateTransitionReason", json!(transition)),
        (
            "SubnetId",
            if live {
                json!(i.subnet_id)
            } else {
                Value::Null
            },
        ),
        ("VpcId", if live { json!(net.vpc_id) } else { Value::Null }),
        ("Architecture", json!("x86_64")),
        ("BlockDeviceMappings", json!([])),
        ("ClientToken", json!("")),
        ("EbsOptimized", json!(false)),
        ("EnaSupport", json!(true)),
        ("Hypervisor", json!("xen")),
        (
            "IamInstanceProfile",
            i.instance_profile
                .as_ref()
                .and_then(|p| acct.instance_profiles.get(p))
                .map(|p| json!({"Arn": p.arn, "Id": p.id}))
                .unwrap_or(Value::Null),
        ),
        ("NetworkInterfaces", interfaces),
        ("RootDeviceName", json!("/dev/xvda")),
        ("RootDeviceType", json!("ebs")),
        ("SecurityGroups", json!(groups)),
        ("SourceDestCheck", json!(true)),
        ("StateReason", reason),
        (
            "Tags",
            if i.tags.is_empty() {
                Value::Null
            } else {
                json!(i.tags)
            },
        ),
        ("VirtualizationType", json!("hvm")),
        ("CpuOptions", json!({"CoreCount": 1, "ThreadsPerCore": 2})),
        (
            "CapacityReservationSpecification",
            json!({"CapacityReservationPreference": "open"}),
        ),
        ("HibernationOptions", json!({"Configured": false})),
        (
            "MetadataOptions",
            json!({
                "State": "applied",
                "HttpTokens": i.http_tokens,
                "HttpPutResponseHopLimit": i.hop_limit,
                "HttpEndpoint": i.http_endpoint,
                "HttpProtocolIpv6": "disabled",
                "InstanceMetadataTags": "disabled"
            }),
        ),
        ("EnclaveOptions", json!({"Enabled": false})),
        ("PlatformDetails", json!("Linux/UNIX")),
        ("UsageOperation", json!("RunInstances")),
        ("UsageOperationUpdateTime", time(i.launched)),
        (
            "PrivateDnsNameOptions",
            json!({"HostnameType": "ip-name", "EnableResourceNameDnsARecord": false, "EnableResourceNameDnsAAAARecord": false}),
        ),
        ("MaintenanceOptions", json!({"AutoRecovery": "default"})),
        ("CurrentInstanceBootMode", json!("legacy-bios")),
    ])
}

/// The filter names `describe-instances` answers
/// (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html>).
const INSTANCE_FILTERS: &[&str] = &[
    "availability-zone",
    "iam-instance-profile.arn",
    "image-id",
    "instance-id",
    "instance-state-code",
    "instance-state-name",
    "instance-type",
    "instance.group-id",
    "instance.group-name",
    "key-name",
    "network-interface.network-interface-id",
    "private-dns-name",
    "private-ip-address",
    "subnet-id",
    "tag-key",
    "vpc-id",
];

/// Whether an instance passes one filter.
fn instance_matches(acct: &Account, i: &Instance, f: &Filter) -> bool {
    let net = i.network(acct);
    let group_names: Vec<String> = i
        .security_groups
        .iter()
        .filter_map(|g| acct.security_groups.get(g).map(|s| s.name.clone()))
        .collect();
    let profile_arn = i
        .instance_profile
        .as_ref()
        .and_then(|p| acct.instance_profiles.get(p))
        .map(|p| p.arn.clone());
    let code = i.state.name_code().1.to_string();
    let one = |v: &str| f.any([v]);
    match f.name.as_str() {
        "availability-zone" => one(&net.zone),
        "iam-instance-profile.arn" => profile_arn.as_deref().is_some_and(one),
        "image-id" => one(&i.image_id),
        "instance-id" => one(&i.id),
        "instance-state-code" => one(&code),
        "instance-state-name" => one(i.state.name()),
        "instance-type" => one(&i.instance_type),
        "instance.group-id" => f.any(i.security_groups.iter().map(String::as_str)),
        "instance.group-name" => f.any(group_names.iter().map(String::as_str)),
        "key-name" => i.key_name.as_deref().is_some_and(one),
        "network-interface.network-interface-id" => one(&net.eni),
        "private-dns-name" => one(&net.private_dns),
        "private-ip-address" => one(&i.private_ip),
        "subnet-id" => one(&i.subnet_id),
        "vpc-id" => one(&net.vpc_id),
        "tag-key" => f.any(i.tags.iter().map(|t| t.key.as_str())),
        name => match name.strip_prefix("tag:") {
            Some(key) => f.any(
                i.tags
                    .iter()
                    .filter(|t| t.key == key)
                    .map(|t| t.value.as_str()),
            ),
            None => false,
        },
    }
}

/// The instances of the caller's Region that `--instance-ids` and `--filters` select;
/// `InvalidInstanceID.NotFound` for an id that is not there.
fn selected<'a>(
    c: &'a Call,
    ids: &[String],
    filters: &[Filter],
) -> Result<Vec<&'a Instance>, AwsError> {
    let missing: Vec<&str> = ids
        .iter()
        .filter(|id| {
            c.account
                .instances
                .get(id.as_str())
                .is_none_or(|i| i.region != c.caller.region)
        })
        .map(String::as_str)
        .collect();
    match missing.as_slice() {
        [] => {}
        [one] => {
            return Err(c.err(
                "InvalidInstanceID.NotFound",
                format!("The instance ID '{one}' does not exist"),
            ));
        }
        many => {
            return Err(c.err(
                "InvalidInstanceID.NotFound",
                format!("The instance IDs '{}' do not exist", many.join(", ")),
            ));
        }
    }
    Ok(c.account
        .instances
        .values()
        // Instances live in a region: a call sees only its region's.
        .filter(|i| i.region == c.caller.region)
        .filter(|i| ids.is_empty() || ids.contains(&i.id))
        .filter(|i| filters.iter().all(|f| instance_matches(c.account, i, f)))
        .collect())
}

fn describe_instances(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("ec2:DescribeInstances", "*", &[])?;
    let filters = filter::parse_known(c, a, INSTANCE_FILTERS)?;
    let list: Vec<Value> = selected(c, a.list("instance-ids"), &filters)?
        .into_iter()
        .map(|i| {
            // A reservation per instance: the simulation keeps no launch groups.
            let suffix = i.id.strip_prefix("i-").unwrap_or(&i.id);
            json!({"Groups": [], "Instances": [instance_json(c.account, i)], "OwnerId": c.account.id, "ReservationId": format!("r-{suffix}")})
        })
        .collect();
    Ok(json!({ "Reservations": list }))
}

/// What a state change asked of one instance does: the state it moves to, or the error EC2
/// gives for an instance that cannot make that change.
fn transition(from: State, to: State) -> Result<Option<State>, &'static str> {
    use State::*;
    match (to, from) {
        // Asking for what is already under way or done changes nothing.
        (Pending, Pending | Running) => Ok(None),
        (Pending, Stopped) => Ok(Some(Pending)),
        (Pending, _) => Err("is not in a state from which it can be started"),
        (Stopping, Stopping | Stopped) => Ok(None),
        (Stopping, Running) => Ok(Some(Stopping)),
        (Stopping, _) => Err("is not in a state from which it can be stopped"),
        (ShuttingDown, ShuttingDown | Terminated) => Ok(None),
        (ShuttingDown, _) => Ok(Some(ShuttingDown)),
        _ => Ok(None),
    }
}

/// `start-`, `stop-` and `terminate-instances`: every instance authorized and checked first,
/// then each moved to `to`, answered as `key` (`StartingInstances`, …) with each instance's
/// `CurrentState` and `PreviousState`.
fn change_state(
    c: &mut Call,
    a: &Args,
    action: &str,
    to: State,
    key: &str,
) -> Result<Value, AwsError> {
    let ids = a.list("instance-ids").to_vec();
    for id in &ids {
        c.allow(action, &instance_arn(c, id), &[])?;
    }
    let found = selected(c, &ids, &[])?;
    for i in found {
        if let Err(why) = transition(i.state, to) {
            return Err(c.err(
                "IncorrectInstanceState",
                format!("The instance '{}' {why}.", i.id),
            ));
        }
    }
    let now = c.account.now;
    let mut out = Vec::new();
    for id in &ids {
        if let Some(i) = c.account.instances.get_mut(id) {
            let prev = i.state;
            if let Ok(Some(next)) = transition(prev, to) {
                if prev == State::Running || prev == State::Pending {
                    i.stopped_at = Some(now);
                }
                if next == State::Pending {
                    i.launched = now;
                    i.stopped_at = None;
                }
                i.enter(next, now);
            }
            out.push(json!({"CurrentState": i.state.json(), "InstanceId": id, "PreviousState": prev.json()}));
        }
    }
    Ok(json!({ key: out }))
}

fn start_instances(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    change_state(
        c,
        a,
        "ec2:StartInstances",
        State::Pending,
        "StartingInstances",
    )
}

fn stop_instances(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    change_state(
        c,
        a,
        "ec2:StopInstances",
        State::Stopping,
        "StoppingInstances",
    )
}

fn terminate_instances(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    change_state(
        c,
        a,
        "ec2:TerminateInstances",
        State::ShuttingDown,
        "TerminatingInstances",
    )
}

/// The AWS CLI's instance waiters (botocore's `waiters-2.json`): each polls
/// `DescribeInstances` every 15 seconds, at most 40 times, until every selected instance is in
/// the wanted state, or stops at once when one is in a state that can never get there; the
/// last column says whether it retries on `InvalidInstanceID.NotFound` (an id not there yet).
const WAITERS: &[(&str, &str, State, &[State], bool)] = &[
    (
        "instance-running",
        "InstanceRunning",
        State::Running,
        &[State::ShuttingDown, State::Terminated, State::Stopping],
        true,
    ),
    (
        "instance-stopped",
        "InstanceStopped",
        State::Stopped,
        &[State::Pending, State::Terminated],
        false,
    ),
    (
        "instance-terminated",
        "InstanceTerminated",
        State::Terminated,
        &[State::Pending, State::Stopping],
        false,
    ),
];

/// `aws ec2 wait instance-running|instance-stopped|instance-terminated`: lets simulated time
/// pass in the waiter's 15-second steps until the instances get there; prints nothing when
/// they do (scripted events due meanwhile run at the next `wait` of the sandbox).
fn wait(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let which = a.s("waiter");
    let Some((_, name, want, fail, retries_not_found)) = WAITERS.iter().find(|w| w.0 == which)
    else {
        // argparse's refusal of the waiter's name, as the CLI's `ec2 wait` reads it.
        let e = cli_error::invalid_choice("subcommand", which, WAITERS.iter().map(|w| w.0));
        return Err(AwsError {
            said: Some(Box::new(e.clone())),
            ..c.err("InvalidWaiter", e.message)
        });
    };
    c.allow("ec2:DescribeInstances", "*", &[])?;
    let filters = filter::parse_known(c, a, INSTANCE_FILTERS)?;
    let ids = a.list("instance-ids").to_vec();
    let mut retried_not_found = false;
    for attempt in 1..=40 {
        let states: Vec<State> = match selected(c, &ids, &filters) {
            Ok(list) => list.into_iter().map(|i| i.state).collect(),
            Err(e) if *retries_not_found && e.code == "InvalidInstanceID.NotFound" => {
                retried_not_found = true;
                Vec::new()
            }
            Err(e) => {
                return Err(waiter_failed(
                    c,
                    name,
                    &format!("An error occurred ({}): {}", e.code, e.message),
                ));
            }
        };
        if !states.is_empty() && states.iter().all(|s| s == want) {
            return Ok(Value::Null);
        }
        if let Some(bad) = states.iter().find(|s| fail.contains(s)) {
            return Err(waiter_failed(
                c,
                name,
                &format!(
                    "Waiter encountered a terminal failure state: For expression \"Reservations[].Instances[].State.Name\" we matched expected path: \"{}\" at least once",
                    bad.name()
                ),
            ));
        }
        if attempt < 40 {
            c.account.advance(SignedDuration::from_secs(15));
        }
    }
    let reason = if retried_not_found {
        "Max attempts exceeded. Previously accepted state: Matched expected service error code: InvalidInstanceID.NotFound"
    } else {
        "Max attempts exceeded"
    };
    Err(waiter_failed(c, name, reason))
}

/// A waiter's failure as the AWS CLI reports it: botocore's `WaiterError`
/// (`Waiter NAME failed: REASON`) alone on standard error, exit status 255.
fn waiter_failed(c: &Call, name: &str, reason: &str) -> AwsError {
    let message = format!("Waiter {name} failed: {reason}");
    AwsError {
        said: Some(Box::new(CliError::new(ErrKind::General, message.clone()))),
        ..c.err("WaiterError", message)
    }
}

fn associate_profile(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let id = a.s("instance-id").to_string();
    c.allow(
        "ec2:AssociateIamInstanceProfile",
        &instance_arn(c, &id),
        &[],
    )?;
    let profile = profile_name(a.s("iam-instance-profile"));
    check_pass_role(c, &profile)?;
    let op = c.operation;
    let arn = c
        .account
        .instance_profiles
        .get(&profile)
        .map(|p| p.arn.clone())
        .unwrap_or_default();
    let i = c.account.instances.get_mut(&id).ok_or_else(|| {
        AwsError::new(
            op,
            "InvalidInstanceID.NotFound",
            format!("The instance ID '{id}' does not exist"),
        )
    })?;
    // One profile per instance: a second is replaced, not added
    // (`replace-iam-instance-profile-association`); AWS's answer, as seen in the wild:
    // https://github.com/aws-samples/aws-cloud9-bootstrapping-example/issues/5
    if i.instance_profile.is_some() {
        return Err(AwsError::new(
            op,
            "IncorrectState",
            format!("There is an existing association for instance {id}"),
        ));
    }
    i.instance_profile = Some(profile);
    // A scenario may name an instance anything, even shorter than the usual `i-` prefix.
    let suffix = id.strip_prefix("i-").unwrap_or(&id);
    Ok(
        json!({"IamInstanceProfileAssociation": {"AssociationId": format!("iip-assoc-{suffix}"), "InstanceId": id, "IamInstanceProfile": {"Arn": arn}, "State": "associated"}}),
    )
}

/// Checks metadata options against the enums and range of the EC2 API
/// (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceMetadataOptions.html>).
fn check_metadata_values(
    c: &Call,
    tokens: &str,
    endpoint: &str,
    hop_limit: i64,
) -> Result<(), AwsError> {
    if tokens != "optional" && tokens != "required" {
        return Err(c.err(
            "InvalidParameterValue",
            format!("The value '{tokens}' is not valid for the 'HttpTokens' parameter. Valid values are: 'optional', 'required'."),
        ));
    }
    if endpoint != "enabled" && endpoint != "disabled" {
        return Err(c.err(
            "InvalidParameterValue",
            format!("The value '{endpoint}' is not valid for the 'HttpEndpoint' parameter. Valid values are: 'enabled', 'disabled'."),
        ));
    }
    if !(1..=64).contains(&hop_limit) {
        return Err(c.err(
            "InvalidParameterValue",
            format!("The value '{hop_limit}' is not valid for the 'HttpPutResponseHopLimit' parameter. Specify a value between 1 and 64."),
        ));
    }
    Ok(())
}

fn modify_metadata(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let id = a.s("instance-id").to_string();
    c.allow(
        "ec2:ModifyInstanceMetadataOptions",
        &instance_arn(c, &id),
        &[],
    )?;
    let Some(i) = c.account.instances.get(&id) else {
        return Err(c.err(
            "InvalidInstanceID.NotFound",
            format!("The instance ID '{id}' does not exist"),
        ));
    };
    let tokens = a.opt("http-tokens").unwrap_or(&i.http_tokens).to_string();
    let endpoint = a
        .opt("http-endpoint")
        .unwrap_or(&i.http_endpoint)
        .to_string();
    let hops = a.int("http-put-response-hop-limit").unwrap_or(i.hop_limit);
    check_metadata_values(c, &tokens, &endpoint, hops)?;
    if let Some(i) = c.account.instances.get_mut(&id) {
        i.http_tokens = tokens.clone();
        i.http_endpoint = endpoint.clone();
        i.hop_limit = hops;
    }
    Ok(
        json!({"InstanceId": id, "InstanceMetadataOptions": {"State": "pending", "HttpTokens": tokens, "HttpPutResponseHopLimit": hops, "HttpEndpoint": endpoint, "HttpProtocolIpv6": "disabled", "InstanceMetadataTags": "disabled"}}),
    )
}

/// The filter names `describe-images` answers.
const IMAGE_FILTERS: &[&str] = &[
    "architecture",
    "image-id",
    "is-public",
    "name",
    "owner-alias",
    "owner-id",
    "state",
];

fn image_matches(img: &Image, f: &Filter) -> bool {
    let one = |v: &str| f.any([v]);
    match f.name.as_str() {
        "architecture" => one(&img.architecture),
        "image-id" => one(&img.id),
        "is-public" => one(if img.public { "true" } else { "false" }),
        "name" => one(&img.name),
        "owner-alias" => img.owner_alias.as_deref().is_some_and(one),
        "owner-id" => one(&img.owner_id),
        "state" => one("available"),
        _ => false,
    }
}

fn describe_images(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("ec2:DescribeImages", "*", &[])?;
    let filters = filter::parse_known(c, a, IMAGE_FILTERS)?;
    let ids = a.list("image-ids");
    for id in ids {
        if !c.account.images.contains_key(id) {
            return Err(c.err(
                "InvalidAMIID.NotFound",
                format!("The image id '[{id}]' does not exist"),
            ));
        }
    }
    let owners = a.list("owners");
    let me = c.account.id.clone();
    let list: Vec<Value> = c
        .account
        .images
        .values()
        .filter(|i| ids.is_empty() || ids.contains(&i.id))
        .filter(|i| {
            owners.is_empty()
                || owners.iter().any(|o| match o.as_str() {
                    "self" => i.owner_id == me,
                    alias if i.owner_alias.as_deref() == Some(alias) => true,
                    id => i.owner_id == id,
                })
        })
        .filter(|i| i.public || i.owner_id == me)
        .filter(|i| filters.iter().all(|f| image_matches(i, f)))
        .map(|i| {
            obj([
                ("Architecture", json!(i.architecture)),
                ("CreationDate", json!(i.created.strftime("%Y-%m-%dT%H:%M:%S.000Z").to_string())),
                ("ImageId", json!(i.id)),
                ("ImageLocation", json!(format!("{}/{}", i.owner_alias.as_deref().unwrap_or(&i.owner_id), i.name))),
                ("ImageType", json!("machine")),
                ("Public", json!(i.public)),
                ("OwnerId", json!(i.owner_id)),
                ("PlatformDetails", json!("Linux/UNIX")),
                ("UsageOperation", json!("RunInstances")),
                ("State", json!("available")),
                ("BlockDeviceMappings", json!([{"DeviceName": "/dev/xvda", "Ebs": {"DeleteOnTermination": true, "SnapshotId": network::derived_id("snap", &["snap", &i.id]), "VolumeSize": 8, "VolumeType": "gp2", "Encrypted": false}}])),
                ("Description", json!(i.description)),
                ("EnaSupport", json!(true)),
                ("Hypervisor", json!("xen")),
                ("ImageOwnerAlias", json!(i.owner_alias)),
                ("Name", json!(i.name)),
                ("RootDeviceName", json!("/dev/xvda")),
                ("RootDeviceType", json!("ebs")),
                ("SriovNetSupport", json!("simple")),
                ("VirtualizationType", json!("hvm")),
                ("ImdsSupport", json!(i.imds_support)),
            ])
        })
        .collect();
    Ok(json!({ "Images": list }))
}

fn describe_regions(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("ec2:DescribeRegions", "*", &[])?;
    let filters = filter::parse_known(c, a, &["endpoint", "opt-in-status", "region-name"])?;
    let names = a.list("region-names");
    for n in names {
        if !network::known_region(n) {
            return Err(c.err("InvalidParameterValue", format!("Invalid region: {n}")));
        }
    }
    let all = a.flag("all-regions").unwrap_or(false) || !names.is_empty();
    let regions = network::REGIONS
        .iter()
        .map(|r| (*r, "opt-in-not-required"))
        .chain(
            network::OPT_IN_REGIONS
                .iter()
                .filter(|_| all)
                .map(|r| (*r, "not-opted-in")),
        );
    let list: Vec<Value> = regions
        .filter(|(r, _)| names.is_empty() || names.iter().any(|n| n == r))
        .filter(|(r, status)| {
            let endpoint = format!("ec2.{r}.amazonaws.com");
            filters.iter().all(|f| match f.name.as_str() {
                "endpoint" => f.any([endpoint.as_str()]),
                "opt-in-status" => f.any([*status]),
                _ => f.any([*r]),
            })
        })
        .map(|(r, status)| {
            json!({"Endpoint": format!("ec2.{r}.amazonaws.com"), "RegionName": r, "OptInStatus": status})
        })
        .collect();
    Ok(json!({ "Regions": list }))
}

fn describe_vpcs(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("ec2:DescribeVpcs", "*", &[])?;
    let filters =
        filter::parse_known(c, a, &["cidr", "is-default", "owner-id", "state", "vpc-id"])?;
    let id = network::default_vpc_id(&c.account.id, &c.caller.region);
    for v in a.list("vpc-ids") {
        if *v != id {
            return Err(c.err(
                "InvalidVpcID.NotFound",
                format!("The vpc ID '{v}' does not exist"),
            ));
        }
    }
    let owner = c.account.id.clone();
    let keep = filters.iter().all(|f| match f.name.as_str() {
        "cidr" => f.any([network::DEFAULT_VPC_CIDR]),
        "is-default" => f.any(["true"]),
        "owner-id" => f.any([owner.as_str()]),
        "state" => f.any(["available"]),
        _ => f.any([id.as_str()]),
    });
    let suffix = id.strip_prefix("vpc-").unwrap_or(&id);
    let list = if keep {
        vec![json!({
            "OwnerId": owner,
            "InstanceTenancy": "default",
            "CidrBlockAssociationSet": [{"AssociationId": format!("vpc-cidr-assoc-{suffix}"), "CidrBlock": network::DEFAULT_VPC_CIDR, "CidrBlockState": {"State": "associated"}}],
            "IsDefault": true,
            "BlockPublicAccessStates": {"InternetGatewayBlockMode": "off"},
            "VpcId": id,
            "State": "available",
            "CidrBlock": network::DEFAULT_VPC_CIDR,
            "DhcpOptionsId": network::derived_id("dopt", &["dopt", &owner, &c.caller.region])
        })]
    } else {
        Vec::new()
    };
    Ok(json!({ "Vpcs": list }))
}

fn describe_subnets(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("ec2:DescribeSubnets", "*", &[])?;
    let filters = filter::parse_known(
        c,
        a,
        &[
            "availability-zone",
            "cidr-block",
            "default-for-az",
            "state",
            "subnet-id",
            "vpc-id",
        ],
    )?;
    let subnets = network::default_subnets(&c.account.id, &c.caller.region);
    for id in a.list("subnet-ids") {
        if !subnets.iter().any(|s| s.id == *id) {
            return Err(c.err(
                "InvalidSubnetID.NotFound",
                format!("The subnet ID '{id}' does not exist"),
            ));
        }
    }
    let ids = a.list("subnet-ids");
    let owner = c.account.id.clone();
    let region = c.caller.region.clone();
    let list: Vec<Value> = subnets
        .iter()
        .filter(|s| ids.is_empty() || ids.contains(&s.id))
        .filter(|s| {
            let cidr = s.cidr();
            filters.iter().all(|f| match f.name.as_str() {
                "availability-zone" => f.any([s.zone.as_str()]),
                "cidr-block" => f.any([cidr.as_str()]),
                "default-for-az" => f.any(["true"]),
                "state" => f.any(["available"]),
                "subnet-id" => f.any([s.id.as_str()]),
                _ => f.any([s.vpc_id.as_str()]),
            })
        })
        .map(|s| {
            let used = c
                .account
                .instances
                .values()
                .filter(|i| i.subnet_id == s.id && i.state != State::Terminated)
                .count();
            json!({
                "AvailabilityZone": s.zone,
                "AvailabilityZoneId": format!("use1-az{}", s.zone.chars().last().map(|l| (l as u8).saturating_sub(b'a') + 1).unwrap_or(1)),
                "AvailableIpAddressCount": 4091usize.saturating_sub(used),
                "CidrBlock": s.cidr(),
                "DefaultForAz": true,
                "MapPublicIpOnLaunch": true,
                "State": "available",
                "SubnetId": s.id,
                "VpcId": s.vpc_id,
                "OwnerId": owner,
                "AssignIpv6AddressOnCreation": false,
                "Ipv6CidrBlockAssociationSet": [],
                "SubnetArn": format!("arn:aws:ec2:{region}:{owner}:subnet/{}", s.id),
                "EnableDns64": false,
                "Ipv6Native": false,
                "PrivateDnsNameOptionsOnLaunch": {"HostnameType": "ip-name", "EnableResourceNameDnsARecord": false, "EnableResourceNameDnsAAAARecord": false}
            })
        })
        .collect();
    Ok(json!({ "Subnets": list }))
}

/// The running cost of all instances so far, by instance type.
pub fn cost_by_type(acct: &Account) -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    for i in acct.instances.values() {
        *out.entry(i.instance_type.clone()).or_insert(0.0) += i.cost(acct.now);
    }
    out
}
