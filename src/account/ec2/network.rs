//! The network an instance lands in: every account's default VPC (172.31.0.0/16, one default
//! subnet per Availability Zone, as AWS creates it,
//! <https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html>), the Regions
//! `describe-regions` lists, and the addresses, names and ids an instance's network interface
//! gets.
//!
//! Nothing here is stored: the default VPC's ids are worked out from the account id and the
//! Region, so they are the same every run and no other id of the account moves when EC2 is
//! used.

use std::net::Ipv4Addr;

/// The Regions enabled by default in every account, in the order of the AWS CLI
/// documentation's `describe-regions` example
/// (<https://docs.aws.amazon.com/cli/latest/reference/ec2/describe-regions.html>), and
/// <https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html>.
pub const REGIONS: &[&str] = &[
    "eu-north-1",
    "ap-south-1",
    "eu-west-3",
    "eu-west-2",
    "eu-west-1",
    "ap-northeast-3",
    "ap-northeast-2",
    "ap-northeast-1",
    "sa-east-1",
    "ca-central-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "eu-central-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
];

/// Regions an account must opt in to before using them; `describe-regions --all-regions`
/// lists them as `not-opted-in`.
pub const OPT_IN_REGIONS: &[&str] = &[
    "af-south-1",
    "ap-east-1",
    "ap-south-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ca-west-1",
    "eu-central-2",
    "eu-south-1",
    "eu-south-2",
    "il-central-1",
    "me-central-1",
    "me-south-1",
];

/// True when `region` is a Region EC2 answers in.
pub fn known_region(region: &str) -> bool {
    REGIONS.contains(&region) || OPT_IN_REGIONS.contains(&region)
}

/// The Availability Zone letters of a Region's default subnets (us-east-1 has six, the
/// simulation gives every other Region three).
fn zone_letters(region: &str) -> &'static [char] {
    if region == "us-east-1" {
        &['a', 'b', 'c', 'd', 'e', 'f']
    } else {
        &['a', 'b', 'c']
    }
}

/// FNV-1a: a small, stable hash, so that derived ids do not depend on the Rust version.
fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// `prefix` and 17 hexadecimal digits derived from `parts`, the shape of EC2's ids
/// (`vpc-0…`, `subnet-0…`, `eni-0…`).
pub fn derived_id(prefix: &str, parts: &[&str]) -> String {
    format!("{prefix}-0{:016x}", fnv(parts))
}

/// A default subnet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subnet {
    /// `subnet-0…`.
    pub id: String,
    /// The VPC's id.
    pub vpc_id: String,
    /// e.g. `us-east-1a`.
    pub zone: String,
    /// The first address of its /20 block.
    pub base: Ipv4Addr,
}

impl Subnet {
    /// Its CIDR block.
    pub fn cidr(&self) -> String {
        format!("{}/20", self.base)
    }
}

/// The id of the default VPC of `account` in `region`.
pub fn default_vpc_id(account: &str, region: &str) -> String {
    derived_id("vpc", &["vpc", account, region])
}

/// The default VPC's CIDR block.
pub const DEFAULT_VPC_CIDR: &str = "172.31.0.0/16";

/// The default subnets of `account` in `region`: 172.31.0.0/20, 172.31.16.0/20, … one per
/// Availability Zone.
pub fn default_subnets(account: &str, region: &str) -> Vec<Subnet> {
    let vpc_id = default_vpc_id(account, region);
    zone_letters(region)
        .iter()
        .enumerate()
        .map(|(i, letter)| {
            let zone = format!("{region}{letter}");
            Subnet {
                id: derived_id("subnet", &["subnet", account, &zone]),
                vpc_id: vpc_id.clone(),
                base: Ipv4Addr::new(172, 31, (i as u8).saturating_mul(16), 0),
                zone,
            }
        })
        .collect()
}

/// The default subnet with this id, in any Region of the account.
pub fn find_subnet(account: &str, region: &str, id: &str) -> Option<Subnet> {
    default_subnets(account, region)
        .into_iter()
        .find(|s| s.id == id)
}

/// A private address for `instance` in `subnet` that no address in `taken` uses. AWS
/// reserves the first four addresses and the last of a subnet
/// (<https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html>).
pub fn private_ip(subnet: &Subnet, instance: &str, taken: &[&str]) -> String {
    let base = u32::from(subnet.base);
    // 4096 addresses in a /20, minus the five reserved.
    let usable = 4096 - 5;
    let start = (fnv(&[instance]) % u64::from(usable)) as u32;
    for step in 0..usable {
        let ip = Ipv4Addr::from(base + 4 + (start + step) % usable).to_string();
        if !taken.contains(&ip.as_str()) {
            return ip;
        }
    }
    Ipv4Addr::from(base + 4).to_string()
}

/// The private DNS name of an address: `ip-172-31-5-23.ec2.internal` in us-east-1,
/// `ip-….REGION.compute.internal` elsewhere
/// (<https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html#vpc-dns-hostnames>).
pub fn private_dns(ip: &str, region: &str) -> String {
    let host = format!("ip-{}", ip.replace('.', "-"));
    if region == "us-east-1" {
        format!("{host}.ec2.internal")
    } else {
        format!("{host}.{region}.compute.internal")
    }
}

/// The public address a running instance in a default subnet gets (default subnets assign
/// one at launch), new at each start: from 3.80.0.0/12, a block AWS uses in us-east-1.
pub fn public_ip(instance: &str, started: &str) -> String {
    let h = fnv(&["public", instance, started]);
    let b = h.to_be_bytes();
    let [_, _, _, _, _, x, y, z] = b;
    format!("3.{}.{}.{}", 80 + (x % 16), y, z.max(1))
}

/// The public DNS name of a public address
/// (<https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html#vpc-dns-hostnames>).
pub fn public_dns(ip: &str, region: &str) -> String {
    let host = format!("ec2-{}", ip.replace('.', "-"));
    if region == "us-east-1" {
        format!("{host}.compute-1.amazonaws.com")
    } else {
        format!("{host}.{region}.compute.amazonaws.com")
    }
}

/// A locally administered MAC address for a network interface, as EC2's `0a:…` ones.
pub fn mac_address(interface: &str) -> String {
    let b = fnv(&["mac", interface]).to_be_bytes();
    let [_, _, _, p, q, r, s, t] = b;
    format!("0a:{p:02x}:{q:02x}:{r:02x}:{s:02x}:{t:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_subnets_are_172_31_slash_20_blocks_one_per_zone() {
        let s = default_subnets("123456789012", "us-east-1");
        assert_eq!(s.len(), 6);
        assert_eq!(s[0].cidr(), "172.31.0.0/20");
        assert_eq!(s[1].cidr(), "172.31.16.0/20");
        assert_eq!(s[5].zone, "us-east-1f");
        assert!(s.iter().all(|x| x.vpc_id == s[0].vpc_id));
        // Another account has other ids.
        assert_ne!(default_subnets("111122223333", "us-east-1")[0].id, s[0].id);
    }

    #[test]
    fn private_ip_skips_taken_addresses_and_the_reserved_ones() {
        let s = &default_subnets("123456789012", "us-east-1")[0];
        let first = private_ip(s, "i-1", &[]);
        let second = private_ip(s, "i-1", &[&first]);
        assert_ne!(first, second);
        let n: Ipv4Addr = first.parse().unwrap();
        assert!(u32::from(n) >= u32::from(s.base) + 4);
        assert!(u32::from(n) < u32::from(s.base) + 4095);
        assert_eq!(
            private_dns("172.31.5.23", "us-east-1"),
            "ip-172-31-5-23.ec2.internal"
        );
        assert_eq!(
            private_dns("172.31.5.23", "eu-west-1"),
            "ip-172-31-5-23.eu-west-1.compute.internal"
        );
    }
}
