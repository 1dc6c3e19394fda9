//! The AWS CLI's shorthand syntax for structure and list parameters
//! (<https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-shorthand.html>):
//! `Key=value,Other=[{A=1,B=2},{A=3}]`, read into the JSON value it stands for. Scalars stay
//! strings; the handler reads numbers out of them.

use serde_json::{Map, Value};

/// Reads one shorthand structure.
pub fn parse(text: &str) -> Result<Value, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0;
    let v = structure(&chars, &mut pos, None)?;
    if pos < chars.len() {
        return Err(format!(
            "unexpected `{}` at character {}",
            rest(&chars, pos),
            pos + 1
        ));
    }
    Ok(v)
}

fn rest(chars: &[char], pos: usize) -> String {
    chars.iter().skip(pos).take(20).collect()
}

/// `k=v,k=v…` up to `close` (or the end).
fn structure(chars: &[char], pos: &mut usize, close: Option<char>) -> Result<Value, String> {
    let mut m = Map::new();
    loop {
        let start = *pos;
        while chars
            .get(*pos)
            .is_some_and(|c| *c != '=' && *c != ',' && Some(*c) != close)
        {
            *pos += 1;
        }
        if chars.get(*pos) != Some(&'=') {
            return Err(format!(
                "expected `=` after `{}`",
                chars
                    .get(start..*pos)
                    .unwrap_or_default()
                    .iter()
                    .collect::<String>()
            ));
        }
        let key: String = chars.get(start..*pos).unwrap_or_default().iter().collect();
        *pos += 1;
        let value = value(chars, pos, close)?;
        m.insert(key.trim().to_string(), value);
        match chars.get(*pos) {
            Some(',') => *pos += 1,
            Some(c) if Some(*c) == close => return Ok(Value::Object(m)),
            None if close.is_none() => return Ok(Value::Object(m)),
            Some(c) => return Err(format!("unexpected `{c}` at character {}", *pos + 1)),
            None => return Err("a `[` or `{` is not closed".into()),
        }
    }
}

/// A value: `[…]`, `{…}` or a scalar up to the next `,` or closing bracket.
fn value(chars: &[char], pos: &mut usize, close: Option<char>) -> Result<Value, String> {
    match chars.get(*pos) {
        Some('[') => {
            *pos += 1;
            let mut items = Vec::new();
            loop {
                if chars.get(*pos) == Some(&']') {
                    *pos += 1;
                    return Ok(Value::Array(items));
                }
                let item = if chars.get(*pos) == Some(&'{') {
                    *pos += 1;
                    let v = structure(chars, pos, Some('}'))?;
                    *pos += 1;
                    v
                } else {
                    scalar(chars, pos, Some(']'))
                };
                items.push(item);
                match chars.get(*pos) {
                    Some(',') => *pos += 1,
                    Some(']') => {}
                    _ => return Err("a `[` is not closed".into()),
                }
            }
        }
        Some('{') => {
            *pos += 1;
            let v = structure(chars, pos, Some('}'))?;
            *pos += 1;
            Ok(v)
        }
        _ => Ok(scalar(chars, pos, close)),
    }
}

fn scalar(chars: &[char], pos: &mut usize, close: Option<char>) -> Value {
    let start = *pos;
    while chars
        .get(*pos)
        .is_some_and(|c| *c != ',' && Some(*c) != close)
    {
        *pos += 1;
    }
    Value::String(chars.get(start..*pos).unwrap_or_default().iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_nested_lists_of_structures() {
        let v = parse("IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=203.0.113.0/24,Description=office},{CidrIp=198.51.100.0/24}]").unwrap();
        assert_eq!(
            v,
            json!({"IpProtocol": "tcp", "FromPort": "22", "ToPort": "22", "IpRanges": [{"CidrIp": "203.0.113.0/24", "Description": "office"}, {"CidrIp": "198.51.100.0/24"}]})
        );
        let t = parse("ResourceType=instance,Tags=[{Key=Name,Value=web}]").unwrap();
        assert_eq!(t["Tags"][0]["Value"], "web");
        assert!(parse("IpProtocol").is_err());
        assert!(parse("A=[{B=1}").is_err());
    }
}
