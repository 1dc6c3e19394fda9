//! EC2's `--filters` on the describe commands: `Name=instance-state-name,Values=running,stopped`
//! in the AWS CLI's shorthand or `[{"Name":…,"Values":[…]}]` in JSON. Filters are ANDed, the
//! values of one filter ORed, and a value may hold the wildcards `*` and `?`
//! (<https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Filtering.html#Filtering_Resources_CLI>).

use serde::Deserialize;

use crate::account::command::{Args, Call};
use crate::account::error::AwsError;
use crate::policy::wildcard::{glob_match, to_pchars};

/// One filter.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Filter {
    /// e.g. `instance-state-name`, `tag:Name`.
    pub name: String,
    /// The values, any of which may match.
    #[serde(default)]
    pub values: Vec<String>,
}

impl Filter {
    /// True when one of `have` matches one of the filter's values.
    pub fn any<'a>(&self, have: impl IntoIterator<Item = &'a str>) -> bool {
        let have: Vec<&str> = have.into_iter().collect();
        self.values.iter().any(|v| {
            let p = to_pchars(v);
            have.iter().any(|h| glob_match(&p, h))
        })
    }
}

/// Reads the words given to `--filters`: each a shorthand filter, or one JSON list.
pub fn parse(words: &[String]) -> Result<Vec<Filter>, String> {
    let mut out = Vec::new();
    for w in words {
        let t = w.trim();
        if t.starts_with('[') || t.starts_with('{') {
            let list: Vec<Filter> = if t.starts_with('{') {
                vec![
                    serde_json::from_str(t)
                        .map_err(|e| format!("Error parsing parameter '--filters': {e}"))?,
                ]
            } else {
                serde_json::from_str(t)
                    .map_err(|e| format!("Error parsing parameter '--filters': {e}"))?
            };
            out.extend(list);
            continue;
        }
        out.push(shorthand(t)?);
    }
    Ok(out)
}

/// `Name=x,Values=a,b` (the values may also be bracketed: `Values=[a,b]`).
fn shorthand(t: &str) -> Result<Filter, String> {
    let mut name: Option<String> = None;
    let mut values = Vec::new();
    let mut in_values = false;
    for part in t.split(',') {
        if let Some(n) = part.strip_prefix("Name=") {
            name = Some(n.to_string());
            in_values = false;
        } else if let Some(v) = part.strip_prefix("Values=") {
            in_values = true;
            values.push(v.to_string());
        } else if in_values {
            values.push(part.to_string());
        } else {
            return Err(format!(
                "Error parsing parameter '--filters': Expected: '=', received: ',' for input:\n{t}"
            ));
        }
    }
    let values = values
        .into_iter()
        .map(|v| v.trim_matches(|c| c == '[' || c == ']').to_string())
        .filter(|v| !v.is_empty())
        .collect();
    match name {
        Some(name) => Ok(Filter { name, values }),
        None => Err(format!(
            "Error parsing parameter '--filters': Expected: 'Name=…,Values=…', received: {t}"
        )),
    }
}

/// Reads `--filters`, refusing a name the operation does not know as EC2 does
/// (`tag:KEY` is known to every operation).
pub fn parse_known(c: &Call, a: &Args, known: &[&str]) -> Result<Vec<Filter>, AwsError> {
    let list = parse(a.list("filters")).map_err(|m| c.err("InvalidParameterValue", m))?;
    for f in &list {
        if !known.contains(&f.name.as_str()) && !f.name.starts_with("tag:") {
            return Err(c.err(
                "InvalidParameterValue",
                format!("The filter '{}' is invalid", f.name),
            ));
        }
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorthand_and_json_read_the_same() {
        let a = parse(&["Name=instance-state-name,Values=running,stopped".into()]).unwrap();
        let b =
            parse(&[r#"[{"Name":"instance-state-name","Values":["running","stopped"]}]"#.into()])
                .unwrap();
        assert_eq!(a, b);
        assert_eq!(a[0].values, ["running", "stopped"]);
        let c = parse(&["Name=tag:Name,Values=[web*]".into()]).unwrap();
        assert!(c[0].any(["web-1"]));
        assert!(!c[0].any(["db-1"]));
        assert!(parse(&["instance-state-name=running".into()]).is_err());
    }
}
