//! Condition operators and their compiled values: the operator name split into its base,
//! its `…IfExists` suffix and its `ForAllValues:` / `ForAnyValue:` qualifier, and every value
//! parsed once into the type the operator compares (number, date, CIDR, boolean, pattern).

use ipnet::IpNet;
use jiff::Timestamp;

use super::variables::Template;

/// The comparison an operator makes, without qualifier or `IfExists`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum OpBase {
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnNotEquals,
    ArnLike,
    ArnNotLike,
    Null,
}

/// Every base operator with its name, in the order AWS documents them.
pub const OPERATORS: &[(&str, OpBase)] = &[
    ("StringEquals", OpBase::StringEquals),
    ("StringNotEquals", OpBase::StringNotEquals),
    ("StringEqualsIgnoreCase", OpBase::StringEqualsIgnoreCase),
    (
        "StringNotEqualsIgnoreCase",
        OpBase::StringNotEqualsIgnoreCase,
    ),
    ("StringLike", OpBase::StringLike),
    ("StringNotLike", OpBase::StringNotLike),
    ("NumericEquals", OpBase::NumericEquals),
    ("NumericNotEquals", OpBase::NumericNotEquals),
    ("NumericLessThan", OpBase::NumericLessThan),
    ("NumericLessThanEquals", OpBase::NumericLessThanEquals),
    ("NumericGreaterThan", OpBase::NumericGreaterThan),
    ("NumericGreaterThanEquals", OpBase::NumericGreaterThanEquals),
    ("DateEquals", OpBase::DateEquals),
    ("DateNotEquals", OpBase::DateNotEquals),
    ("DateLessThan", OpBase::DateLessThan),
    ("DateLessThanEquals", OpBase::DateLessThanEquals),
    ("DateGreaterThan", OpBase::DateGreaterThan),
    ("DateGreaterThanEquals", OpBase::DateGreaterThanEquals),
    ("Bool", OpBase::Bool),
    ("BinaryEquals", OpBase::BinaryEquals),
    ("IpAddress", OpBase::IpAddress),
    ("NotIpAddress", OpBase::NotIpAddress),
    ("ArnEquals", OpBase::ArnEquals),
    ("ArnNotEquals", OpBase::ArnNotEquals),
    ("ArnLike", OpBase::ArnLike),
    ("ArnNotLike", OpBase::ArnNotLike),
    ("Null", OpBase::Null),
];

/// The type of value an operator compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// Text.
    String,
    /// A number.
    Numeric,
    /// A point in time.
    Date,
    /// `true` or `false`.
    Bool,
    /// Base64 text compared byte for byte.
    Binary,
    /// An IP address or CIDR block.
    Ip,
    /// An ARN.
    Arn,
    /// `Null`'s `true`/`false` about the key's presence.
    Null,
}

impl OpBase {
    /// The operator's name as written in policies.
    pub fn name(self) -> &'static str {
        OPERATORS
            .iter()
            .find(|(_, b)| *b == self)
            .map(|(n, _)| *n)
            .unwrap_or("?")
    }

    /// True for the negated operators, which hold when the key is absent.
    pub fn is_negated(self) -> bool {
        use OpBase::*;
        matches!(
            self,
            StringNotEquals
                | StringNotEqualsIgnoreCase
                | StringNotLike
                | NumericNotEquals
                | DateNotEquals
                | NotIpAddress
                | ArnNotEquals
                | ArnNotLike
        )
    }

    /// The type of value compared.
    pub fn value_type(self) -> ValueType {
        use OpBase::*;
        match self {
            StringEquals
            | StringNotEquals
            | StringEqualsIgnoreCase
            | StringNotEqualsIgnoreCase
            | StringLike
            | StringNotLike => ValueType::String,
            NumericEquals
            | NumericNotEquals
            | NumericLessThan
            | NumericLessThanEquals
            | NumericGreaterThan
            | NumericGreaterThanEquals => ValueType::Numeric,
            DateEquals
            | DateNotEquals
            | DateLessThan
            | DateLessThanEquals
            | DateGreaterThan
            | DateGreaterThanEquals => ValueType::Date,
            Bool => ValueType::Bool,
            BinaryEquals => ValueType::Binary,
            IpAddress | NotIpAddress => ValueType::Ip,
            ArnEquals | ArnNotEquals | ArnLike | ArnNotLike => ValueType::Arn,
            Null => ValueType::Null,
        }
    }
}

/// `ForAllValues:` or `ForAnyValue:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetQualifier {
    /// Every value in the request must match (true when there is none).
    ForAllValues,
    /// At least one value in the request must match.
    ForAnyValue,
}

/// A parsed operator name such as `ForAnyValue:StringLikeIfExists`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operator {
    /// The name as written.
    pub name: String,
    /// The comparison.
    pub base: OpBase,
    /// `…IfExists`: true when the key is absent.
    pub if_exists: bool,
    /// `ForAllValues:` / `ForAnyValue:`.
    pub qualifier: Option<SetQualifier>,
}

impl Operator {
    /// Parses an operator name; `None` when IAM does not know it.
    pub fn parse(name: &str) -> Option<Operator> {
        let (qualifier, rest) = if let Some(r) = name.strip_prefix("ForAllValues:") {
            (Some(SetQualifier::ForAllValues), r)
        } else if let Some(r) = name.strip_prefix("ForAnyValue:") {
            (Some(SetQualifier::ForAnyValue), r)
        } else {
            (None, name)
        };
        let (if_exists, base_name) = match rest.strip_suffix("IfExists") {
            Some(b) => (true, b),
            None => (false, rest),
        };
        let base = OPERATORS
            .iter()
            .find(|(n, _)| *n == base_name)
            .map(|(_, b)| *b)?;
        if base == OpBase::Null && (if_exists || qualifier.is_some()) {
            return None;
        }
        Some(Operator {
            name: name.to_string(),
            base,
            if_exists,
            qualifier,
        })
    }
}

/// The values of one condition, parsed for its operator.
#[derive(Debug, Clone, PartialEq)]
pub enum Values {
    /// String operators: text that may hold variables (and wildcards for `…Like`).
    Str(Vec<Template>),
    /// Numeric operators.
    Num(Vec<f64>),
    /// Date operators.
    Date(Vec<Timestamp>),
    /// `Bool`.
    Bool(Vec<bool>),
    /// `BinaryEquals`: base64 text.
    Bin(Vec<String>),
    /// `IpAddress` / `NotIpAddress`.
    Ip(Vec<IpNet>),
    /// ARN operators: ARNs that may hold variables and wildcards.
    Arn(Vec<Template>),
    /// `Null`: true means "the key must be absent".
    Null(Vec<bool>),
}

/// Parses a number as IAM does: an integer or a decimal.
pub fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() || t.contains(['e', 'E', 'x', 'X']) {
        return None;
    }
    t.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Parses a date as IAM does: epoch seconds, or an ISO 8601 date or date-time (UTC when no
/// offset is given).
pub fn parse_date(s: &str) -> Option<Timestamp> {
    let t = s.trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return t
            .parse::<i64>()
            .ok()
            .and_then(|n| Timestamp::from_second(n).ok());
    }
    if let Ok(ts) = t.parse::<Timestamp>() {
        return Some(ts);
    }
    if let Ok(dt) = t.parse::<jiff::civil::DateTime>() {
        return dt
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp());
    }
    if let Ok(d) = t.parse::<jiff::civil::Date>() {
        return d
            .to_datetime(jiff::civil::Time::midnight())
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp());
    }
    None
}

/// Parses an IP address or CIDR block; a bare address is a /32 (or /128) network.
pub fn parse_ip(s: &str) -> Option<IpNet> {
    let t = s.trim();
    t.parse::<IpNet>()
        .ok()
        .or_else(|| t.parse::<std::net::IpAddr>().ok().map(IpNet::from))
}

/// Parses `true`/`false` (any case).
pub fn parse_bool(s: &str) -> Option<bool> {
    if s.trim().eq_ignore_ascii_case("true") {
        Some(true)
    } else if s.trim().eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operator_names() {
        let op = Operator::parse("ForAnyValue:StringLikeIfExists");
        assert_eq!(
            op.map(|o| (o.base, o.if_exists, o.qualifier)),
            Some((OpBase::StringLike, true, Some(SetQualifier::ForAnyValue)))
        );
        assert!(Operator::parse("StringEqualz").is_none());
        assert!(Operator::parse("NullIfExists").is_none());
    }

    #[test]
    fn values() {
        assert_eq!(parse_number("10.5"), Some(10.5));
        assert_eq!(parse_number("abc"), None);
        assert!(parse_date("2020-01-01T00:00:00Z").is_some());
        assert_eq!(parse_date("0"), Timestamp::from_second(0).ok());
        assert!(parse_date("2020-01-01").is_some());
        assert!(parse_ip("203.0.113.0/24").is_some());
        assert!(parse_ip("2001:db8::/32").is_some());
        assert!(parse_ip("203.0.113.7").is_some());
        assert!(parse_ip("nope").is_none());
    }
}
