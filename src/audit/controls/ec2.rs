//! The EC2 controls of Security Hub: administration ports open to the world, the default
//! security group's rules, and instance metadata without session tokens.

use std::collections::BTreeSet;

use crate::account::Account;
use crate::account::ec2::State;
use crate::audit::said::{Fix, Said};
use crate::msg::audit::Audit;

use super::{Context, Hit, hit, run};

/// EC2.13: Port 22 is open to the world (IPv4 or IPv6).
pub(super) fn ssh_open(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let mut v = open_port(a, 22, "0.0.0.0/0");
    v.extend(open_port(a, 22, "::/0"));
    dedup(v)
}

/// EC2.14: Port 3389 is open to the world (IPv4 or IPv6).
pub(super) fn rdp_open(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let mut v = open_port(a, 3389, "0.0.0.0/0");
    v.extend(open_port(a, 3389, "::/0"));
    dedup(v)
}

/// EC2.53: Port 22 or 3389 is open to `0.0.0.0/0`.
pub(super) fn admin_ports_open_ipv4(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let mut v = open_port(a, 22, "0.0.0.0/0");
    v.extend(open_port(a, 3389, "0.0.0.0/0"));
    dedup(v)
}

/// EC2.54: Port 22 or 3389 is open to `::/0`.
pub(super) fn admin_ports_open_ipv6(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    let mut v = open_port(a, 22, "::/0");
    v.extend(open_port(a, 3389, "::/0"));
    dedup(v)
}

/// EC2.2: A default security group has inbound rules.
pub(super) fn default_group_rules(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    a.security_groups
        .values()
        .filter(|g| g.name == "default" && !g.ingress.is_empty())
        .map(|g| {
            hit(
                format!("arn:aws:ec2:us-east-1:{}:security-group/{}", a.id, g.id),
                Said::new(Audit::DefaultGroupRules)
                    .with("group", &g.id)
                    .with("n", g.ingress.len()),
                g.ingress
                    .iter()
                    .map(|r| {
                        run(format!(
                            "aws ec2 revoke-security-group-ingress --group-id {} {}",
                            g.id,
                            r.flags()
                        ))
                    })
                    .collect(),
            )
        })
        .collect()
}

/// EC2.8: An instance does not require IMDSv2 session tokens.
pub(super) fn imdsv1(cx: &Context) -> Vec<Hit> {
    let a = cx.account;
    a.instances.values().filter(|i| i.state != State::Terminated && i.http_tokens != "required").map(|i| hit(format!("arn:aws:ec2:{}:{}:instance/{}", i.region, a.id, i.id), Said::new(Audit::NoSessionToken).with("instance", &i.id).with("kind", &i.instance_type).with("tokens", &i.http_tokens), vec![run(format!("aws ec2 modify-instance-metadata-options --instance-id {} --http-tokens required", i.id))])).collect()
}

fn dedup(mut v: Vec<Hit>) -> Vec<Hit> {
    let mut seen = BTreeSet::new();
    v.retain(|h| seen.insert(h.resource.clone()));
    v
}

fn port_text(r: &crate::account::ec2::Rule) -> String {
    if r.from_port == r.to_port {
        r.from_port.to_string()
    } else {
        format!("{}-{}", r.from_port, r.to_port)
    }
}

fn open_port(a: &Account, port: i64, cidr: &str) -> Vec<Hit> {
    a.security_groups
        .values()
        .filter_map(|g| {
            let rules: Vec<_> = g.ingress.iter().filter(|r| r.cidr == cidr && r.open_to_world(port)).collect();
            (!rules.is_empty()).then(|| {
                hit(
                    format!("arn:aws:ec2:us-east-1:{}:security-group/{}", a.id, g.id),
                    Said::new(Audit::PortOpen).with("group", &g.id).with("name", &g.name).with("port", port).with("cidr", cidr),
                    rules.iter().map(|r| run(format!("aws ec2 revoke-security-group-ingress --group-id {} --protocol {} --port {} --cidr {cidr}", g.id, r.protocol, port_text(r)))).chain([Fix::RunFilling(format!("aws ec2 authorize-security-group-ingress --group-id {} --protocol tcp --port {port} --cidr {{range}}", g.id), vec![("range", Audit::HoleOfficeRange)])]).collect(),
                )
            })
        })
        .collect()
}
