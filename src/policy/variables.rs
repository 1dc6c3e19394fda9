//! Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'default'}`, and the
//! escapes `${*}`, `${?}`, `${$}`), which IAM substitutes only in policies whose `Version` is
//! `2012-10-17`, in the resource part of ARNs and in string and ARN condition values.
//!
//! A substituted value is literal text: a `*` that comes from a variable's value is never a
//! wildcard.

use super::wildcard::{PChar, to_pchars};

/// One piece of a text that may hold policy variables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Text with wildcards still active (and escapes already turned into literal characters).
    Text(Vec<PChar>),
    /// A variable: the context key (as written) and its default value.
    Var {
        /// The context key, as written in the policy.
        key: Box<str>,
        /// The context key in lowercase (keys are case-insensitive).
        key_lower: Box<str>,
        /// The default given after a comma, in single quotes.
        default: Option<Box<str>>,
    },
}

/// A text split into literal parts and variables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Part>,
}

impl Template {
    /// Splits `text`. With `variables` false (Version 2008-10-17 or absent), `${…}` is plain
    /// text, as IAM treats it.
    pub fn parse(text: &str, variables: bool) -> Template {
        if !variables || !text.contains("${") {
            return Template {
                parts: vec![Part::Text(to_pchars(text))],
            };
        }
        let mut parts = Vec::new();
        let mut cur: Vec<PChar> = Vec::new();
        let mut rest = text;
        while let Some((before, after)) = rest.split_once("${") {
            cur.extend(to_pchars(before));
            let Some((raw, tail)) = after.split_once('}') else {
                // No closing brace: the rest is plain text, `${` included.
                cur.extend([PChar::Lit('$'), PChar::Lit('{')]);
                cur.extend(to_pchars(after));
                rest = "";
                break;
            };
            let inner = raw.trim();
            match inner {
                "*" => cur.push(PChar::Lit('*')),
                "?" => cur.push(PChar::Lit('?')),
                "$" => cur.push(PChar::Lit('$')),
                _ => {
                    let (key, default) = split_default(inner);
                    if key.is_empty() {
                        // Not a variable: `${…}` stays as written.
                        cur.extend([PChar::Lit('$'), PChar::Lit('{')]);
                        cur.extend(to_pchars(raw));
                        cur.push(PChar::Lit('}'));
                    } else {
                        if !cur.is_empty() {
                            parts.push(Part::Text(std::mem::take(&mut cur)));
                        }
                        parts.push(Part::Var {
                            key: key.into(),
                            key_lower: key.to_ascii_lowercase().into(),
                            default: default.map(Into::into),
                        });
                    }
                }
            }
            rest = tail;
        }
        cur.extend(to_pchars(rest));
        if !cur.is_empty() || parts.is_empty() {
            parts.push(Part::Text(cur));
        }
        Template { parts }
    }

    /// True when the text holds at least one variable.
    pub fn has_vars(&self) -> bool {
        self.parts.iter().any(|p| matches!(p, Part::Var { .. }))
    }

    /// The context keys this text refers to.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Var { key, .. } => Some(&**key),
            _ => None,
        })
    }

    /// The pattern characters when there is no variable.
    pub fn static_pchars(&self) -> Option<&[PChar]> {
        match self.parts.as_slice() {
            [Part::Text(t)] => Some(t),
            _ => None,
        }
    }

    /// Substitutes every variable with `lookup(lowercase key)` (or its default); `None` when
    /// one cannot be resolved, which makes the statement not match.
    pub fn resolve<'a>(&self, lookup: impl Fn(&str) -> Option<&'a str>) -> Option<Vec<PChar>> {
        let mut out = Vec::new();
        for p in &self.parts {
            match p {
                Part::Text(t) => out.extend_from_slice(t),
                Part::Var {
                    key_lower, default, ..
                } => {
                    let v = lookup(key_lower).or(default.as_deref())?;
                    out.extend(v.chars().map(PChar::Lit));
                }
            }
        }
        Some(out)
    }
}

/// Splits `key, 'default'` into its two halves.
fn split_default(inner: &str) -> (&str, Option<&str>) {
    match inner.split_once(',') {
        Some((k, d)) => {
            let d = d.trim();
            let d = d
                .strip_prefix('\'')
                .and_then(|d| d.strip_suffix('\''))
                .unwrap_or(d);
            (k.trim(), Some(d))
        }
        None => (inner, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_variables_and_escapes() {
        let t = Template::parse("home/${aws:username}/${*}", true);
        assert!(t.has_vars());
        let r = t.resolve(|_| Some("al*ce")).unwrap_or_default();
        assert_eq!(r.iter().filter(|c| **c == PChar::Star).count(), 0);
        let t = Template::parse("home/${aws:username}", false);
        assert!(!t.has_vars());
        let t = Template::parse("${aws:PrincipalTag/team, 'shared'}", true);
        let r = t.resolve(|_| None).unwrap_or_default();
        assert_eq!(r, to_pchars("shared"));
        assert!(
            Template::parse("${aws:username}", true)
                .resolve(|_| None)
                .is_none()
        );
    }
}
