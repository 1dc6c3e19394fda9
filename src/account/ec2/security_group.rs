//! Security groups: the virtual firewall of an instance, with ingress rules from address
//! ranges or from other groups, and the allow-all egress rule every new group starts with
//! (<https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html>).

use serde_json::{Map, Value, json};

use super::filter::Filter;
use super::network;
use crate::account::command::{Args, Call};
use crate::account::error::AwsError;

/// One rule of a security group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// `tcp`, `udp`, `icmp` or `-1` (all).
    pub protocol: String,
    /// First port (`-1` with protocol `-1`).
    pub from_port: i64,
    /// Last port.
    pub to_port: i64,
    /// Source (or, for egress, destination) CIDR; empty when the rule names a group.
    pub cidr: String,
    /// The security group the rule lets traffic come from (`--source-group`), instead of a
    /// CIDR.
    pub source_group: Option<String>,
}

impl Rule {
    /// A rule for traffic from (or to) `cidr`.
    pub fn cidr(protocol: &str, from_port: i64, to_port: i64, cidr: &str) -> Rule {
        Rule {
            protocol: protocol.to_string(),
            from_port,
            to_port,
            cidr: cidr.to_string(),
            source_group: None,
        }
    }

    /// The rule AWS gives every new group: all traffic out to anywhere.
    pub fn allow_all_egress() -> Rule {
        Rule::cidr("-1", -1, -1, "0.0.0.0/0")
    }

    /// True when the rule lets `port` in from the whole internet.
    pub fn open_to_world(&self, port: i64) -> bool {
        (self.cidr == "0.0.0.0/0" || self.cidr == "::/0")
            && (self.protocol == "-1" || (self.from_port <= port && port <= self.to_port))
    }

    /// The flags of `authorize-`/`revoke-security-group-ingress` that name this rule.
    pub fn flags(&self) -> String {
        let port = if self.from_port == self.to_port {
            self.from_port.to_string()
        } else {
            format!("{}-{}", self.from_port, self.to_port)
        };
        let source = match &self.source_group {
            Some(g) => format!("--source-group {g}"),
            None => format!("--cidr {}", self.cidr),
        };
        if self.protocol == "-1" {
            format!("--protocol all {source}")
        } else {
            format!("--protocol {} --port {port} {source}", self.protocol)
        }
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
    /// Egress rules.
    pub egress: Vec<Rule>,
}

impl SecurityGroup {
    /// A new group as `create-security-group` makes it: no ingress, all egress.
    pub fn new(id: &str, name: &str, description: &str) -> SecurityGroup {
        SecurityGroup {
            id: id.to_string(),
            name: name.to_string(),
            description: description.to_string(),
            ingress: Vec::new(),
            egress: vec![Rule::allow_all_egress()],
        }
    }
}

fn not_found(c: &Call, id: &str) -> AwsError {
    c.err(
        "InvalidGroup.NotFound",
        format!("The security group '{id}' does not exist"),
    )
}

fn group_arn(c: &Call, id: &str) -> String {
    format!(
        "arn:aws:ec2:{}:{}:security-group/{id}",
        c.caller.region, c.account.id
    )
}

/// `create-security-group`.
pub fn create(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("ec2:CreateSecurityGroup", "*", &[])?;
    let name = a.s("group-name").to_string();
    let vpc = network::default_vpc_id(&c.account.id, &c.caller.region);
    if let Some(v) = a.opt("vpc-id")
        && v != vpc
    {
        return Err(c.err(
            "InvalidVpcID.NotFound",
            format!("The vpc ID '{v}' does not exist"),
        ));
    }
    if c.account.security_groups.values().any(|g| g.name == name) {
        return Err(c.err(
            "InvalidGroup.Duplicate",
            format!("The security group '{name}' already exists for VPC '{vpc}'"),
        ));
    }
    let id = format!("sg-0{}", c.account.new_hex(16));
    c.account.security_groups.insert(
        id.clone(),
        SecurityGroup::new(&id, &name, a.s("description")),
    );
    Ok(json!({ "GroupId": id, "SecurityGroupArn": group_arn(c, &id) }))
}

/// One `IpPermission` being built: protocol, ports, and its IPv4 ranges, IPv6 ranges and
/// groups.
type Permission = (String, i64, i64, Vec<Value>, Vec<Value>, Vec<Value>);

/// The rules of a group as `IpPermissions`: rules with the same protocol and ports share one
/// entry, its ranges and groups listed in it, as EC2 prints them.
fn permissions(rules: &[Rule], owner: &str) -> Vec<Value> {
    let mut out: Vec<Permission> = Vec::new();
    for r in rules {
        let pos = match out
            .iter()
            .position(|p| p.0 == r.protocol && p.1 == r.from_port && p.2 == r.to_port)
        {
            Some(p) => p,
            None => {
                out.push((
                    r.protocol.clone(),
                    r.from_port,
                    r.to_port,
                    Vec::new(),
                    Vec::new(),
                    Vec::new(),
                ));
                out.len() - 1
            }
        };
        let Some(p) = out.get_mut(pos) else { continue };
        match &r.source_group {
            Some(g) => p.5.push(json!({"GroupId": g, "UserId": owner})),
            None if r.cidr.contains(':') => p.4.push(json!({"CidrIpv6": r.cidr})),
            None => p.3.push(json!({"CidrIp": r.cidr})),
        }
    }
    out.into_iter()
        .map(|(proto, from, to, v4, v6, groups)| {
            let mut m = Map::new();
            if proto != "-1" {
                m.insert("FromPort".into(), json!(from));
            }
            m.insert("IpProtocol".into(), json!(proto));
            m.insert("IpRanges".into(), json!(v4));
            m.insert("Ipv6Ranges".into(), json!(v6));
            m.insert("PrefixListIds".into(), json!([]));
            if proto != "-1" {
                m.insert("ToPort".into(), json!(to));
            }
            m.insert("UserIdGroupPairs".into(), json!(groups));
            Value::Object(m)
        })
        .collect()
}

/// A group as `describe-security-groups` prints it.
fn group_json(c: &Call, g: &SecurityGroup) -> Value {
    let owner = &c.account.id;
    json!({
        "GroupId": g.id,
        "IpPermissionsEgress": permissions(&g.egress, owner),
        "VpcId": network::default_vpc_id(owner, &c.caller.region),
        "SecurityGroupArn": group_arn(c, &g.id),
        "OwnerId": owner,
        "GroupName": g.name,
        "Description": g.description,
        "IpPermissions": permissions(&g.ingress, owner)
    })
}

/// The filter names `describe-security-groups` answers
/// (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroups.html>).
pub const FILTERS: &[&str] = &[
    "description",
    "egress.ip-permission.cidr",
    "group-id",
    "group-name",
    "ip-permission.cidr",
    "ip-permission.from-port",
    "ip-permission.group-id",
    "ip-permission.protocol",
    "ip-permission.to-port",
    "owner-id",
    "vpc-id",
];

fn matches(c: &Call, g: &SecurityGroup, f: &Filter) -> bool {
    let ports = |pick: fn(&Rule) -> i64| -> Vec<String> {
        g.ingress.iter().map(|r| pick(r).to_string()).collect()
    };
    let strs = |v: &[String]| f.any(v.iter().map(String::as_str));
    match f.name.as_str() {
        "description" => f.any([g.description.as_str()]),
        "egress.ip-permission.cidr" => f.any(g.egress.iter().map(|r| r.cidr.as_str())),
        "group-id" => f.any([g.id.as_str()]),
        "group-name" => f.any([g.name.as_str()]),
        "ip-permission.cidr" => f.any(g.ingress.iter().map(|r| r.cidr.as_str())),
        "ip-permission.from-port" => strs(&ports(|r| r.from_port)),
        "ip-permission.to-port" => strs(&ports(|r| r.to_port)),
        "ip-permission.group-id" => {
            f.any(g.ingress.iter().filter_map(|r| r.source_group.as_deref()))
        }
        "ip-permission.protocol" => f.any(g.ingress.iter().map(|r| r.protocol.as_str())),
        "owner-id" => f.any([c.account.id.as_str()]),
        "vpc-id" => f.any([network::default_vpc_id(&c.account.id, &c.caller.region).as_str()]),
        _ => false,
    }
}

/// `describe-security-groups`.
pub fn describe(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    c.allow("ec2:DescribeSecurityGroups", "*", &[])?;
    let filters = filter::parse_known(c, a, FILTERS)?;
    let ids = a.list("group-ids");
    if let Some(id) = ids
        .iter()
        .find(|id| !c.account.security_groups.contains_key(id.as_str()))
    {
        return Err(not_found(c, id));
    }
    let names = a.list("group-names");
    if let Some(n) = names
        .iter()
        .find(|n| !c.account.security_groups.values().any(|g| g.name == **n))
    {
        let vpc = network::default_vpc_id(&c.account.id, &c.caller.region);
        return Err(c.err(
            "InvalidGroup.NotFound",
            format!("The security group '{n}' does not exist in default VPC '{vpc}'"),
        ));
    }
    let list: Vec<Value> = c
        .account
        .security_groups
        .values()
        .filter(|g| ids.is_empty() || ids.contains(&g.id))
        .filter(|g| names.is_empty() || names.contains(&g.name))
        .filter(|g| filters.iter().all(|f| matches(c, g, f)))
        .map(|g| group_json(c, g))
        .collect();
    Ok(json!({ "SecurityGroups": list }))
}

use super::filter;

/// The ports of `--port` (`22`, `8000-8080`, or `-1` for all).
fn ports(c: &Call, port: &str) -> Result<(i64, i64), AwsError> {
    let (from, to) = match port.split_once('-') {
        Some((f, t)) if !f.is_empty() => (f.parse().ok(), t.parse().ok()),
        _ => (port.parse().ok(), port.parse().ok()),
    };
    match (from, to) {
        (Some(f), Some(t)) => Ok((f, t)),
        _ => Err(c.err(
            "InvalidParameterValue",
            format!("`{port}` is not a port or a range such as 8000-8080"),
        )),
    }
}

/// Checks an IPv4 range (`cidrIp`: `--cidr`, `IpRanges`) or an IPv6 one (`cidrIpv6`:
/// `Ipv6Ranges`) as EC2 does: an IPv6 range given as `--cidr` is not a valid `cidrIp`.
fn check_cidr(c: &Call, cidr: &str, v6: bool) -> Result<(), AwsError> {
    let ok = if v6 {
        cidr.parse::<ipnet::Ipv6Net>().is_ok()
    } else {
        cidr.parse::<ipnet::Ipv4Net>().is_ok()
    };
    if !ok {
        let param = if v6 { "cidrIpv6" } else { "cidrIp" };
        return Err(c.err(
            "InvalidParameterValue",
            format!(
                "Value ({cidr}) for parameter {param} is invalid. This is not a valid CIDR block."
            ),
        ));
    }
    Ok(())
}

/// The rules of one call: the AWS CLI's own `--protocol/--port/--cidr/--source-group`, or
/// the API's `--ip-permissions` in shorthand or JSON.
fn rules_from(c: &Call, a: &Args) -> Result<Vec<Rule>, AwsError> {
    let perms = a.list("ip-permissions");
    if !perms.is_empty() {
        if a.opt("protocol").is_some() || a.opt("cidr").is_some() || a.opt("source-group").is_some()
        {
            return Err(c.err(
                "InvalidParameterCombination",
                "The --ip-permissions option cannot be used with --protocol, --port, --cidr or --source-group",
            ));
        }
        let mut out = Vec::new();
        for p in perms {
            out.extend(ip_permissions(c, p)?);
        }
        return Ok(out);
    }
    let protocol = match a.opt("protocol").unwrap_or("tcp") {
        "all" => "-1",
        p => p,
    }
    .to_string();
    let (from_port, to_port) = if protocol == "-1" {
        (-1, -1)
    } else {
        ports(c, a.opt("port").unwrap_or("-1"))?
    };
    if let Some(g) = a.opt("source-group") {
        let id = resolve_group(c, g)?;
        return Ok(vec![Rule {
            protocol,
            from_port,
            to_port,
            cidr: String::new(),
            source_group: Some(id),
        }]);
    }
    let cidr = a.opt("cidr").unwrap_or("0.0.0.0/0");
    check_cidr(c, cidr, false)?;
    Ok(vec![Rule::cidr(&protocol, from_port, to_port, cidr)])
}

/// The group a rule command changes: `--group-id`, or `--group-name` (a group of the
/// default VPC, as EC2 accepts:
/// <https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupIngress.html>).
fn target_group(c: &Call, a: &Args) -> Result<String, AwsError> {
    match (a.opt("group-id"), a.opt("group-name")) {
        (Some(id), _) => Ok(id.to_string()),
        (None, Some(name)) => c
            .account
            .security_groups
            .values()
            .find(|s| s.name == name)
            .map(|s| s.id.clone())
            .ok_or_else(|| not_found(c, name)),
        (None, None) => Err(c.err(
            "MissingParameter",
            "The request must contain the parameter groupName or groupId",
        )),
    }
}

/// A group named by id or by name.
fn resolve_group(c: &Call, g: &str) -> Result<String, AwsError> {
    if c.account.security_groups.contains_key(g) {
        return Ok(g.to_string());
    }
    c.account
        .security_groups
        .values()
        .find(|s| s.name == g)
        .map(|s| s.id.clone())
        .ok_or_else(|| not_found(c, g))
}

/// One `--ip-permissions` item, as the command layer passes it: the JSON of one
/// `IpPermission` structure, whichever way it was written (shorthand or JSON, read by
/// `command/shorthand.rs` against AWS's model).
fn ip_permissions(c: &Call, text: &str) -> Result<Vec<Rule>, AwsError> {
    let bad = |m: String| {
        c.err(
            "InvalidParameterValue",
            format!("Error parsing parameter '--ip-permissions': {m}"),
        )
    };
    let value = serde_json::from_str::<Value>(text.trim()).map_err(|e| bad(e.to_string()))?;
    let list = match value {
        Value::Array(v) => v,
        other => vec![other],
    };
    let mut out = Vec::new();
    for p in list {
        let proto = match p.get("IpProtocol") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => return Err(bad("IpProtocol is required".into())),
        };
        let proto = if proto == "all" {
            "-1".to_string()
        } else {
            proto
        };
        let num = |k: &str| -> Option<i64> {
            match p.get(k) {
                Some(Value::Number(n)) => n.as_i64(),
                Some(Value::String(s)) => s.parse().ok(),
                _ => None,
            }
        };
        let (from, to) = if proto == "-1" {
            (-1, -1)
        } else {
            match (num("FromPort"), num("ToPort")) {
                (Some(f), Some(t)) => (f, t),
                _ => {
                    return Err(c.err(
                        "InvalidParameterValue",
                        "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.",
                    ));
                }
            }
        };
        let items = |k: &str| -> Vec<Value> {
            p.get(k)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let field = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        for r in items("IpRanges") {
            let cidr = field(&r, "CidrIp").unwrap_or_default();
            check_cidr(c, &cidr, false)?;
            out.push(Rule::cidr(&proto, from, to, &cidr));
        }
        for r in items("Ipv6Ranges") {
            let cidr = field(&r, "CidrIpv6").unwrap_or_default();
            check_cidr(c, &cidr, true)?;
            out.push(Rule::cidr(&proto, from, to, &cidr));
        }
        for r in items("UserIdGroupPairs") {
            let g = field(&r, "GroupId")
                .or_else(|| field(&r, "GroupName"))
                .unwrap_or_default();
            out.push(Rule {
                protocol: proto.clone(),
                from_port: from,
                to_port: to,
                cidr: String::new(),
                source_group: Some(resolve_group(c, &g)?),
            });
        }
    }
    if out.is_empty() {
        return Err(bad("give IpRanges, Ipv6Ranges or UserIdGroupPairs".into()));
    }
    Ok(out)
}

/// `SecurityGroupRules` as `authorize-security-group-ingress` answers them.
fn rules_json(c: &mut Call, id: &str, rules: &[Rule]) -> Vec<Value> {
    let owner = c.account.id.clone();
    let region = c.caller.region.clone();
    rules
        .iter()
        .map(|r| {
            let rule_id = format!("sgr-0{}", c.account.new_hex(16));
            let mut m = Map::new();
            m.insert("SecurityGroupRuleId".into(), json!(rule_id));
            m.insert("GroupId".into(), json!(id));
            m.insert("GroupOwnerId".into(), json!(owner));
            m.insert("IsEgress".into(), json!(false));
            m.insert("IpProtocol".into(), json!(r.protocol));
            m.insert("FromPort".into(), json!(r.from_port));
            m.insert("ToPort".into(), json!(r.to_port));
            match &r.source_group {
                Some(g) => {
                    m.insert(
                        "ReferencedGroupInfo".into(),
                        json!({"GroupId": g, "UserId": owner}),
                    );
                }
                None if r.cidr.contains(':') => {
                    m.insert("CidrIpv6".into(), json!(r.cidr));
                }
                None => {
                    m.insert("CidrIpv4".into(), json!(r.cidr));
                }
            }
            m.insert(
                "SecurityGroupRuleArn".into(),
                json!(format!(
                    "arn:aws:ec2:{region}:{owner}:security-group-rule/{rule_id}"
                )),
            );
            Value::Object(m)
        })
        .collect()
}

/// `authorize-security-group-ingress`.
pub fn authorize_ingress(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let id = target_group(c, a)?;
    c.allow("ec2:AuthorizeSecurityGroupIngress", &group_arn(c, &id), &[])?;
    let rules = rules_from(c, a)?;
    let Some(g) = c.account.security_groups.get(&id) else {
        return Err(not_found(c, &id));
    };
    if let Some(r) = rules.iter().find(|r| g.ingress.contains(r)) {
        let source = r.source_group.clone().unwrap_or_else(|| r.cidr.clone());
        return Err(c.err(
            "InvalidPermission.Duplicate",
            format!(
                "the specified rule \"peer: {source}, {}, ALLOW\" already exists",
                match r.protocol.as_str() {
                    "-1" => "ALL".to_string(),
                    p => format!(
                        "{}, from port: {}, to port: {}",
                        p.to_uppercase(),
                        r.from_port,
                        r.to_port
                    ),
                }
            ),
        ));
    }
    if let Some(g) = c.account.security_groups.get_mut(&id) {
        g.ingress.extend(rules.iter().cloned());
    }
    let shown = rules_json(c, &id, &rules);
    Ok(json!({"Return": true, "SecurityGroupRules": shown}))
}

/// `revoke-security-group-ingress`.
pub fn revoke_ingress(c: &mut Call, a: &Args) -> Result<Value, AwsError> {
    let id = target_group(c, a)?;
    c.allow("ec2:RevokeSecurityGroupIngress", &group_arn(c, &id), &[])?;
    let rules = rules_from(c, a)?;
    let Some(g) = c.account.security_groups.get(&id) else {
        return Err(not_found(c, &id));
    };
    if !rules.iter().all(|r| g.ingress.contains(r)) {
        return Err(c.err(
            "InvalidPermission.NotFound",
            "The specified rule does not exist in this security group.",
        ));
    }
    if let Some(g) = c.account.security_groups.get_mut(&id) {
        g.ingress.retain(|r| !rules.contains(r));
    }
    Ok(json!({"Return": true}))
}
