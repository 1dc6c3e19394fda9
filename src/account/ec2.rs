//! EC2 as far as the course needs it: instances (with hourly prices, so that a stolen key
//! running twenty GPU instances shows up on the bill), instance profiles that hand a role to an
//! instance, security groups with ingress rules, and the instance metadata service that gives
//! the instance temporary role credentials.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use super::Account;
use super::command::{Args, Call, Spec, obj, time};
use super::error::AwsError;
use super::model::{Session, SessionKind};

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

/// An instance's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Running (and billed).
    Running,
    /// Stopped.
    Stopped,
    /// Terminated.
    Terminated,
}

impl State {
    /// AWS's name and code.
    pub fn name_code(self) -> (&'static str, u32) {
        match self {
            State::Running => ("running", 16),
            State::Stopped => ("stopped", 80),
            State::Terminated => ("terminated", 48),
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
    /// Region.
    pub region: String,
    /// When it was launched.
    pub launched: Timestamp,
    /// When it stopped running (stopped or terminated), for billing.
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
    /// Key pair name.
    pub key_name: Option<String>,
}

impl Instance {
    /// Hours billed up to `now`.
    pub fn billed_hours(&self, now: Timestamp) -> f64 {
        let end = match self.state {
            State::Running => now,
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
}

/// One ingress rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// `tcp`, `udp`, `icmp` or `-1` (all).
    pub protocol: String,
    /// First port.
    pub from_port: i64,
    /// Last port.
    pub to_port: i64,
    /// Source CIDR.
    pub cidr: String,
}

impl Rule {
    /// True when the rule lets `port` in from the whole internet.
    pub fn open_to_world(&self, port: i64) -> bool {
        (self.cidr == "0.0.0.0/0" || self.cidr == "::/0")
            && (self.protocol == "-1" || (self.from_port <= port && port <= self.to_port))
    }
}

/// A security group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityGroup {
    /// `sg-…`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Ingress rules.
    pub ingress: Vec<Rule>,
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
        name: "terminate-instances",
        operation: "TerminateInstances",
        params: &[],
        run: terminate_instances,
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
        name: "create-security-group",
        operation: "CreateSecurityGroup",
        params: &[],
        run: create_security_group,
    },
    Spec {
        service: "ec2",
        name: "describe-security-groups",
        operation: "DescribeSecurityGroups",
        params: &[],
        run: describe_security_groups,
    },
    Spec {
        service: "ec2",
        name: "authorize-security-group-ingress",
        operation: "AuthorizeSecurityGroupIngress",
        params: &[],
        run: authorize_ingress,
    },
    Spec {
        service: "ec2",
        name: "revoke-security-group-ingress",
        operation: "RevokeSecurityGroupIngress",
        params: &[],
        run: revoke_ingress,
    },
];

fn instance_arn(c: &Call, id: &str) -> String {
    format!(
        "arn:aws:ec2:{}:{}:instance/{id}",
        c.caller.region, c.account.id
    )
}

/// The instance profile's name from `--iam-instance-profile` (`Name=x` or `Arn=arn:…`, as
/// shorthand or JSON, read by the command layer into the model's structure).
fn profile_name(a: &Args) -> Option<String> {
    let v = a.member("IamInstanceProfile")?;
    if let Some(n) = v.get("Name").and_then(Value::as_str) {
        return Some(n.to_string());
    }
    let arn = v.get("Arn").and_then(Value::as_str)?;
    Some(arn.rsplit('/').next().unwrap_or(arn).to_string())
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
    let profile = profile_name(a);
    if let Some(p) = &profile {
        check_pass_role(c, p)?;
    }
    for sg in a.list("security-group-ids") {
        if !c.account.security_groups.contains_key(sg) {
            return Err(c.err(
                "InvalidGroup.NotFound",
                format!("The security group '{sg}' does not exist"),
            ));
        }
    }
    let http_tokens = a
        .opt("metadata-options")
        .and_then(|m| m.split(',').find_map(|p| p.strip_prefix("HttpTokens=")))
        .unwrap_or("optional")
        .to_string();
    let launched_by = c.account.caller_arn(&c.caller);
    let mut out = Vec::new();
    for _ in 0..count {
        let id = format!("i-0{}", c.account.new_hex(16));
        let inst = Instance {
            id: id.clone(),
            instance_type: ty.clone(),
            state: State::Running,
            region: c.caller.region.clone(),
            launched: c.account.now,
            stopped_at: None,
            image_id: a.s("image-id").to_string(),
            instance_profile: profile.clone(),
            security_groups: a.list("security-group-ids").to_vec(),
            launched_by: launched_by.clone(),
            launched_with_key: c.caller.access_key_id.clone(),
            launched_from: c.caller.source_ip.clone(),
            user_data: a.opt("user-data").unwrap_or("").to_string(),
            http_tokens: http_tokens.clone(),
            key_name: a.opt("key-name").map(str::to_string),
        };
        out.push(instance_json(c.account, &inst));
        c.account.instances.insert(id, inst);
    }
    let owner = c.account.id.clone();
    Ok(
        json!({ "Groups": [], "Instances": out, "OwnerId": owner, "ReservationId": format!("r-0{}", c.account.new_hex(16)) }),
    )
}

fn instance_json(acct: &Account, i: &Instance) -> Value {
    let (name, code) = i.state.name_code();
    obj([
        ("InstanceId", json!(i.id)),
        ("ImageId", json!(i.image_id)),
        ("InstanceType", json!(i.instance_type)),
        ("KeyName", json!(i.key_name)),
        ("LaunchTime", time(i.launched)),
        ("Placement", json!({"AvailabilityZone": format!("{}a", i.region)})),
        ("State", json!({"Code": code, "Name": name})),
        ("SecurityGroups", json!(i.security_groups.iter().map(|g| json!({"GroupId": g, "GroupName": acct.security_groups.get(g).map(|s| s.name.clone()).unwrap_or_default()})).collect::<Vec<_>>())),
        ("IamInstanceProfile", i.instance_profile.as_ref().and_then(|p| acct.instance_profiles.get(p)).map(|p| json!({"Arn": p.arn, "Id": p.id})).unwrap_or(Value::Null)),
        ("MetadataOptions", json!({"HttpTokens": i.http_tokens, "HttpEndpoint": "enabled"})),
    ])
}

fn describe_instances(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("ec2:DescribeInstances", "*", &[])?;
    let ids = a.list("instance-ids");
    let mut filters: Vec<(String, Vec<String>)> = Vec::new();
    // `--filters Name=x,Values=a,b` or JSON, read by the command layer into the model's shape.
    for f in a
        .member("Filters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = f
            .get("Name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let values = f
            .get("Values")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
        filters.push((name, values));
    }
    for id in ids {
        if !c.account.instances.contains_key(id) {
            return Err(c.err(
                "InvalidInstanceID.NotFound",
                format!("The instance ID '{id}' does not exist"),
            ));
        }
    }
    let list: Vec<Value> = c
        .account
        .instances
        .values()
        // Instances live in a region: a call sees only its region's.
        .filter(|i| i.region == c.caller.region)
        .filter(|i| ids.is_empty() || ids.contains(&i.id))
        .filter(|i| {
            filters.iter().all(|(n, vals)| match n.as_str() {
                "instance-state-name" => vals.iter().any(|v| v == i.state.name_code().0),
                "instance-type" => vals.contains(&i.instance_type),
                _ => true,
            })
        })
        .map(|i| json!({"Instances": [instance_json(c.account, i)], "OwnerId": c.account.id}))
        .collect();
    Ok(json!({ "Reservations": list }))
}

fn change_state(c: &mut Call, a: &Args, action: &str, to: State) -> Result<Value, AwsError> {
    let ids = a.list("instance-ids").to_vec();
    for id in &ids {
        c.allow(action, &instance_arn(c, id), &[])?;
        if !c.account.instances.contains_key(id) {
            return Err(c.err(
                "InvalidInstanceID.NotFound",
                format!("The instance ID '{id}' does not exist"),
            ));
        }
    }
    let now = c.account.now;
    let mut out = Vec::new();
    for id in &ids {
        if let Some(i) = c.account.instances.get_mut(id) {
            let prev = i.state.name_code();
            if i.state == State::Running {
                i.stopped_at = Some(now);
            }
            if i.state != State::Terminated {
                i.state = to;
            }
            let cur = i.state.name_code();
            out.push(json!({"InstanceId": id, "CurrentState": {"Code": cur.1, "Name": cur.0}, "PreviousState": {"Code": prev.1, "Name": prev.0}}));
        }
    }
    let key = if to == State::Terminated {
        "TerminatingInstances"
    } else {
        "StoppingInstances"
    };
    Ok(json!({ key: out }))
}

fn terminate_instances(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    change_state(c, a, "ec2:TerminateInstances", State::Terminated)
}

fn stop_instances(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    change_state(c, a, "ec2:StopInstances", State::Stopped)
}

fn associate_profile(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let id = a.s("instance-id").to_string();
    c.allow(
        "ec2:AssociateIamInstanceProfile",
        &instance_arn(c, &id),
        &[],
    )?;
    let profile = profile_name(a).unwrap_or_default();
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
    i.instance_profile = Some(profile);
    // A scenario may name an instance anything, even shorter than the usual `i-` prefix.
    let suffix = id.strip_prefix("i-").unwrap_or(&id);
    Ok(
        json!({"IamInstanceProfileAssociation": {"AssociationId": format!("iip-assoc-{suffix}"), "InstanceId": id, "IamInstanceProfile": {"Arn": arn}, "State": "associated"}}),
    )
}

fn modify_metadata(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let id = a.s("instance-id").to_string();
    c.allow(
        "ec2:ModifyInstanceMetadataOptions",
        &instance_arn(c, &id),
        &[],
    )?;
    let tokens = a.opt("http-tokens").unwrap_or("optional").to_string();
    if tokens != "optional" && tokens != "required" {
        return Err(c.err(
            "InvalidParameterValue",
            format!("`{tokens}` is not valid for --http-tokens; use required or optional"),
        ));
    }
    let op = c.operation;
    let i = c.account.instances.get_mut(&id).ok_or_else(|| {
        AwsError::new(
            op,
            "InvalidInstanceID.NotFound",
            format!("The instance ID '{id}' does not exist"),
        )
    })?;
    i.http_tokens = tokens.clone();
    Ok(
        json!({"InstanceId": id, "InstanceMetadataOptions": {"State": "applied", "HttpTokens": tokens}}),
    )
}

fn create_security_group(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("ec2:CreateSecurityGroup", "*", &[])?;
    let name = a.s("group-name").to_string();
    if c.account.security_groups.values().any(|g| g.name == name) {
        return Err(c.err(
            "InvalidGroup.Duplicate",
            format!("The security group '{name}' already exists"),
        ));
    }
    let id = format!("sg-0{}", c.account.new_hex(16));
    c.account.security_groups.insert(
        id.clone(),
        SecurityGroup {
            id: id.clone(),
            name,
            description: a.s("description").to_string(),
            ingress: Vec::new(),
        },
    );
    Ok(json!({ "GroupId": id }))
}

fn group_json(g: &SecurityGroup) -> Value {
    let perms: Vec<Value> = g
        .ingress
        .iter()
        .map(|r| json!({"IpProtocol": r.protocol, "FromPort": r.from_port, "ToPort": r.to_port, "IpRanges": [{"CidrIp": r.cidr}]}))
        .collect();
    json!({"GroupId": g.id, "GroupName": g.name, "Description": g.description, "IpPermissions": perms})
}

fn describe_security_groups(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("ec2:DescribeSecurityGroups", "*", &[])?;
    let ids = a.list("group-ids");
    let list: Vec<Value> = c
        .account
        .security_groups
        .values()
        .filter(|g| ids.is_empty() || ids.contains(&g.id))
        .map(group_json)
        .collect();
    Ok(json!({ "SecurityGroups": list }))
}

fn rule_from(c: &Call, a: &Args) -> Result<Rule, AwsError> {
    let protocol = a.opt("protocol").unwrap_or("tcp").to_string();
    let port = a.opt("port").unwrap_or("-1");
    let (from, to) = match port.split_once('-') {
        Some((f, t)) if !f.is_empty() => (f.parse().ok(), t.parse().ok()),
        _ => (port.parse().ok(), port.parse().ok()),
    };
    let (Some(from_port), Some(to_port)) = (from, to) else {
        return Err(c.err(
            "InvalidParameterValue",
            format!("`{port}` is not a port or a range such as 8000-8080"),
        ));
    };
    let cidr = a.opt("cidr").unwrap_or("0.0.0.0/0").to_string();
    if cidr.parse::<ipnet::IpNet>().is_err() {
        return Err(c.err(
            "InvalidParameterValue",
            format!(
                "Value ({cidr}) for parameter cidrIp is invalid. This is not a valid CIDR block."
            ),
        ));
    }
    Ok(Rule {
        protocol,
        from_port,
        to_port,
        cidr,
    })
}

fn authorize_ingress(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let id = a.s("group-id").to_string();
    c.allow(
        "ec2:AuthorizeSecurityGroupIngress",
        &format!(
            "arn:aws:ec2:{}:{}:security-group/{id}",
            c.caller.region, c.account.id
        ),
        &[],
    )?;
    let rule = rule_from(c, a)?;
    let op = c.operation;
    let g = c.account.security_groups.get_mut(&id).ok_or_else(|| {
        AwsError::new(
            op,
            "InvalidGroup.NotFound",
            format!("The security group '{id}' does not exist"),
        )
    })?;
    if g.ingress.contains(&rule) {
        return Err(AwsError::new(
            op,
            "InvalidPermission.Duplicate",
            "the specified rule already exists",
        ));
    }
    g.ingress.push(rule.clone());
    Ok(
        json!({"Return": true, "SecurityGroupRules": [{"GroupId": id, "IsEgress": false, "IpProtocol": rule.protocol, "FromPort": rule.from_port, "ToPort": rule.to_port, "CidrIpv4": rule.cidr}]}),
    )
}

fn revoke_ingress(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let id = a.s("group-id").to_string();
    c.allow(
        "ec2:RevokeSecurityGroupIngress",
        &format!(
            "arn:aws:ec2:{}:{}:security-group/{id}",
            c.caller.region, c.account.id
        ),
        &[],
    )?;
    let rule = rule_from(c, a)?;
    let op = c.operation;
    let g = c.account.security_groups.get_mut(&id).ok_or_else(|| {
        AwsError::new(
            op,
            "InvalidGroup.NotFound",
            format!("The security group '{id}' does not exist"),
        )
    })?;
    let before = g.ingress.len();
    g.ingress.retain(|r| *r != rule);
    if g.ingress.len() == before {
        return Err(AwsError::new(
            op,
            "InvalidPermission.NotFound",
            "The specified rule does not exist in this security group.",
        ));
    }
    Ok(json!({"Return": true}))
}

/// Why the instance metadata service gives no credentials: the sandbox's own messages
/// (`crate::msg::sandbox::Sandbox::Imds…`), since the real service answers only `404 Not Found`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImdsError {
    /// No instance has this id.
    NoInstance(String),
    /// The instance is not running.
    NotRunning(String),
    /// The instance has no instance profile.
    NoProfile,
    /// The instance profile holds no role.
    NoRole,
    /// Another role was asked for than the instance's, named here.
    OtherRole(String),
}

impl ImdsError {
    /// The message in `lang`.
    pub fn text(&self, lang: crate::lang::Lang) -> String {
        use crate::msg::Message;
        use crate::msg::sandbox::Sandbox as Say;
        match self {
            ImdsError::NoInstance(id) => Say::ImdsNoInstance.fill(lang, &[("instance", id)]),
            ImdsError::NotRunning(id) => Say::ImdsNotRunning.fill(lang, &[("instance", id)]),
            ImdsError::NoProfile => Say::ImdsNoProfile.text(lang).to_string(),
            ImdsError::NoRole => Say::ImdsNoRole.text(lang).to_string(),
            ImdsError::OtherRole(role) => Say::ImdsOtherRole.fill(lang, &[("role", role)]),
        }
    }
}

/// The instance metadata service: what a program on the instance gets from
/// `http://169.254.169.254/latest/meta-data/iam/security-credentials/ROLE` — temporary
/// credentials of the instance profile's role, from STS. An [`ImdsError`] when the instance
/// has no role (or another role is asked for).
pub fn imds_credentials(
    acct: &mut Account,
    instance_id: &str,
    role: Option<&str>,
) -> Result<Value, ImdsError> {
    let inst = acct
        .instances
        .get(instance_id)
        .cloned()
        .ok_or_else(|| ImdsError::NoInstance(instance_id.to_string()))?;
    if inst.state != State::Running {
        return Err(ImdsError::NotRunning(instance_id.to_string()));
    }
    let profile = inst
        .instance_profile
        .as_ref()
        .and_then(|p| acct.instance_profiles.get(p))
        .ok_or(ImdsError::NoProfile)?;
    let role_name = profile.roles.first().cloned().ok_or(ImdsError::NoRole)?;
    match role {
        None => return Ok(Value::String(role_name)),
        Some(r) if r != role_name => return Err(ImdsError::OtherRole(role_name)),
        Some(_) => {}
    }
    let id = acct.new_id("ASIA", 16);
    let secret = acct.new_secret();
    let token = format!("IQoJb3JpZ2luX2VjE{}", acct.new_secret());
    let now = acct.now;
    let expires = now
        .checked_add(SignedDuration::from_hours(6))
        .unwrap_or(now);
    acct.sessions.insert(
        id.clone(),
        Session {
            access_key_id: id.clone(),
            secret: secret.clone(),
            token: token.clone(),
            expires,
            issued: now,
            kind: SessionKind::Role {
                role: role_name.clone(),
                session_name: instance_id.to_string(),
            },
            session_policy: None,
            mfa: false,
        },
    );
    Ok(
        json!({"Code": "Success", "LastUpdated": time(now), "Type": "AWS-HMAC", "AccessKeyId": id, "SecretAccessKey": secret, "Token": token, "Expiration": time(expires)}),
    )
}

/// The running cost of all instances so far, by instance type.
pub fn cost_by_type(acct: &Account) -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    for i in acct.instances.values() {
        *out.entry(i.instance_type.clone()).or_insert(0.0) += i.cost(acct.now);
    }
    out
}
