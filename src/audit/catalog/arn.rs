//! Does a policy's `Resource` pattern fit a resource type? Both sides are patterns: the
//! reference's ARN format (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`, whose
//! placeholders stand for one or more characters) and the policy's ARN (with `*`, `?` and policy
//! variables). They fit when some real ARN matches both, which is decided exactly by walking
//! the two patterns side by side (a product automaton), segment by segment as IAM compares
//! ARNs.

use crate::policy::wildcard::PChar;

/// What one position of a pattern accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// One given character.
    Lit(char),
    /// Any one character.
    Any,
    /// Any one character but `/` (a bucket name cannot hold one).
    NoSlash,
}

/// One element of a pattern: a class taken once, or any number of times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Once(Class),
    Many(Class),
}

/// Placeholders whose values cannot hold a `/`. Every other placeholder may (object keys,
/// names with paths, parameter names…), so treating it as "anything" avoids false alarms.
const NO_SLASH_PLACEHOLDERS: &[&str] = &[
    "Partition",
    "Region",
    "Account",
    "AccountId",
    "BucketName",
    "TableBucketName",
];

/// A compiled ARN format: its six colon-separated segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ArnTemplate {
    segments: Vec<Vec<Tok>>,
}

impl ArnTemplate {
    /// Compiles a format such as `arn:${Partition}:s3:::${BucketName}`.
    pub(super) fn new(format: &str) -> ArnTemplate {
        let segments = split6(format)
            .into_iter()
            .map(compile_template_segment)
            .collect();
        ArnTemplate { segments }
    }

    /// True when some ARN matches both this format and the policy resource `pattern`
    /// (already split into pattern characters, policy variables turned into `*`).
    pub(super) fn fits(&self, pattern: &[PChar]) -> bool {
        if pattern.iter().all(|c| *c == PChar::Star) {
            return true;
        }
        let pieces = split_pchars6(pattern);
        // A quick no before the search, for the usual case of a format of another resource
        // type: segments that face each other must share a text, and two whose first (or
        // last) characters are written out and differ cannot. Segments face one each while
        // none has joined several: all of them when both sides have as many, else those
        // before the first policy segment that ends in `*`.
        let aligned = if pieces.len() == self.segments.len() {
            pieces.len()
        } else {
            pieces
                .iter()
                .position(|p| p.last() == Some(&PChar::Star))
                .unwrap_or(pieces.len())
        };
        if pieces
            .iter()
            .zip(&self.segments)
            .take(aligned)
            .any(|(p, t)| clash(p, t))
        {
            return false;
        }
        let psegs: Vec<Vec<Tok>> = pieces
            .into_iter()
            .map(|s| s.iter().map(|c| tok_of_pchar(*c)).collect())
            .collect();
        fits_segments(&psegs, &self.segments)
    }
}

/// True when no text matches both a policy segment and a format segment, as seen from their
/// ends alone: their leading literal characters differ at a place both have one, or their
/// trailing ones do, or both are literal throughout and of different lengths. (A format's
/// token is one character or a run, so its literals stand at fixed places from either end
/// until the first token that is not one.)
fn clash(p: &[PChar], t: &[Tok]) -> bool {
    let pl = |c: &PChar| match c {
        PChar::Lit(x) => Some(*x),
        _ => None,
    };
    let tl = |c: &Tok| match c {
        Tok::Once(Class::Lit(x)) => Some(*x),
        _ => None,
    };
    let differ = |(a, b): (Option<char>, Option<char>)| Some((a?, b?));
    let head = p
        .iter()
        .map(pl)
        .zip(t.iter().map(tl))
        .map_while(differ)
        .any(|(a, b)| a != b);
    let tail = p
        .iter()
        .rev()
        .map(pl)
        .zip(t.iter().rev().map(tl))
        .map_while(differ)
        .any(|(a, b)| a != b);
    let literal = p.iter().all(|c| pl(c).is_some()) && t.iter().all(|c| tl(c).is_some());
    head || tail || (literal && p.len() != t.len())
}

/// Matches policy segments against template segments. A policy segment that ends with `*`
/// may also run on over the following template segments (IAM lets a trailing `*` cross
/// colons).
fn fits_segments(p: &[Vec<Tok>], t: &[Vec<Tok>]) -> bool {
    let (Some((first, prest)), Some((tfirst, trest))) = (p.split_first(), t.split_first()) else {
        return p.is_empty() && t.is_empty();
    };
    if intersects(first, tfirst) && fits_segments(prest, trest) {
        return true;
    }
    if matches!(first.last(), Some(Tok::Many(_))) {
        let mut joined = tfirst.clone();
        for k in 1..t.len() {
            joined.push(Tok::Once(Class::Lit(':')));
            if let Some(seg) = t.get(k) {
                joined.extend_from_slice(seg);
            }
            if intersects(first, &joined) && fits_segments(prest, t.get(k + 1..).unwrap_or(&[])) {
                return true;
            }
        }
    }
    false
}

fn tok_of_pchar(c: PChar) -> Tok {
    match c {
        PChar::Lit(c) => Tok::Once(Class::Lit(c)),
        PChar::One => Tok::Once(Class::Any),
        PChar::Star => Tok::Many(Class::Any),
    }
}

fn compile_template_segment(seg: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(seg.len());
    let mut rest = seg;
    while let Some(pos) = rest.find("${") {
        out.extend(rest.get(..pos).unwrap_or_default().chars().map(lit_or_star));
        let after = rest.get(pos + 2..).unwrap_or_default();
        let Some(end) = after.find('}') else {
            out.extend(rest.get(pos..).unwrap_or_default().chars().map(lit_or_star));
            return out;
        };
        let name = after.get(..end).unwrap_or_default();
        let class = if NO_SLASH_PLACEHOLDERS.contains(&name) {
            Class::NoSlash
        } else {
            Class::Any
        };
        // A placeholder is one or more characters.
        out.push(Tok::Once(class));
        out.push(Tok::Many(class));
        rest = after.get(end + 1..).unwrap_or_default();
    }
    out.extend(rest.chars().map(lit_or_star));
    out
}

/// A `*` written in a reference format (a few services publish `…/backend/*`) is a wildcard.
fn lit_or_star(c: char) -> Tok {
    if c == '*' {
        Tok::Many(Class::Any)
    } else {
        Tok::Once(Class::Lit(c))
    }
}

/// Splits at the first five colons.
fn split6(s: &str) -> Vec<&str> {
    s.splitn(6, ':').collect()
}

/// Splits pattern characters at the first five literal colons.
fn split_pchars6(p: &[PChar]) -> Vec<&[PChar]> {
    let mut out = Vec::with_capacity(6);
    let mut start = 0;
    for (i, c) in p.iter().enumerate() {
        if out.len() == 5 {
            break;
        }
        if *c == PChar::Lit(':') {
            out.push(p.get(start..i).unwrap_or_default());
            start = i + 1;
        }
    }
    out.push(p.get(start..).unwrap_or_default());
    out
}

fn compatible(a: Class, b: Class) -> bool {
    match (a, b) {
        (Class::Lit(x), Class::Lit(y)) => x == y,
        (Class::Lit(x), Class::NoSlash) | (Class::NoSlash, Class::Lit(x)) => x != '/',
        _ => true,
    }
}

/// True when some text matches both patterns: a search over pairs of positions, where a
/// `Many` token may be skipped (it matched nothing more) and two positions advance together
/// when their classes share a character.
fn intersects(p: &[Tok], t: &[Tok]) -> bool {
    let (n, m) = (p.len() + 1, t.len() + 1);
    let mut seen = vec![false; n * m];
    let mut stack = vec![(0usize, 0usize)];
    while let Some((i, j)) = stack.pop() {
        let Some(slot) = seen.get_mut(i * m + j) else {
            continue;
        };
        if *slot {
            continue;
        }
        *slot = true;
        if i == p.len() && j == t.len() {
            return true;
        }
        let (a, b) = (p.get(i).copied(), t.get(j).copied());
        if let Some(Tok::Many(_)) = a {
            stack.push((i + 1, j));
        }
        if let Some(Tok::Many(_)) = b {
            stack.push((i, j + 1));
        }
        if let (Some(a), Some(b)) = (a, b) {
            let (ca, ni) = match a {
                Tok::Once(c) => (c, i + 1),
                Tok::Many(c) => (c, i),
            };
            let (cb, nj) = match b {
                Tok::Once(c) => (c, j + 1),
                Tok::Many(c) => (c, j),
            };
            // Two `Many` tokens consuming together would loop in place; skipping either one
            // already covers that case.
            if compatible(ca, cb) && (ni, nj) != (i, j) {
                stack.push((ni, nj));
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::wildcard::to_pchars;

    fn fits(format: &str, resource: &str) -> bool {
        ArnTemplate::new(format).fits(&to_pchars(resource))
    }

    #[test]
    fn s3_buckets_and_objects_are_told_apart() {
        let bucket = "arn:${Partition}:s3:::${BucketName}";
        let object = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
        assert!(fits(bucket, "arn:aws:s3:::photos"));
        assert!(!fits(bucket, "arn:aws:s3:::photos/*"));
        assert!(fits(object, "arn:aws:s3:::photos/*"));
        assert!(fits(object, "arn:aws:s3:::photos/a/b.jpg"));
        assert!(!fits(object, "arn:aws:s3:::photos"));
        assert!(fits(bucket, "arn:aws:s3:::*"));
        assert!(fits(object, "arn:aws:s3:::*"));
        assert!(fits(object, "*"));
    }

    #[test]
    fn segments_region_and_account() {
        let instance = "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}";
        assert!(fits(
            instance,
            "arn:aws:ec2:us-east-1:111122223333:instance/*"
        ));
        assert!(fits(instance, "arn:aws:ec2:*:*:instance/i-1"));
        assert!(!fits(instance, "arn:aws:ec2::111122223333:instance/i-1"));
        assert!(!fits(
            instance,
            "arn:aws:s3:us-east-1:111122223333:instance/i-1"
        ));
        assert!(!fits(
            instance,
            "arn:aws:ec2:us-east-1:111122223333:volume/v-1"
        ));
        // A trailing `*` runs on over colons.
        assert!(fits(instance, "arn:aws:ec2:*"));
        assert!(fits(instance, "arn:aws:ec2:us-east-1:111122223333:*"));
        let role = "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}";
        assert!(fits(role, "arn:aws:iam::111122223333:role/admin"));
        assert!(fits(role, "arn:aws:iam::111122223333:role/team/*"));
        assert!(!fits(role, "arn:aws:iam::111122223333:user/alice"));
    }

    /// The search alone, without the quick no: what `fits` must always agree with.
    fn fits_by_search(format: &str, resource: &str) -> bool {
        let pattern = to_pchars(resource);
        if pattern.iter().all(|c| *c == PChar::Star) {
            return true;
        }
        let psegs: Vec<Vec<Tok>> = split_pchars6(&pattern)
            .into_iter()
            .map(|s| s.iter().map(|c| tok_of_pchar(*c)).collect())
            .collect();
        fits_segments(&psegs, &ArnTemplate::new(format).segments)
    }

    /// Segments of resource patterns: the real parts formats have, near misses of them, and
    /// random text with wildcards.
    fn segment() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            proptest::sample::select(vec![
                "arn",
                "aws",
                "s3",
                "ec2",
                "iam",
                "logs",
                "a1",
                "b-",
                "",
                "*",
                "?",
                "ec*",
                "us-east-1",
                "111122223333",
                "instance/*",
                "instance/i-1",
                "volume/*",
                "role/*",
                "role/admin",
                "b/*",
                "b",
                "log-group",
                "x/*",
                "x/1",
                "*/*",
            ])
            .prop_map(String::from),
            "[a-z0-9*?/:-]{0,5}",
        ]
    }

    proptest::proptest! {
        #[test]
        fn the_quick_no_never_changes_the_answer(
            parts in proptest::collection::vec(segment(), 1..8),
            which in 0usize..6,
        ) {
            let formats = [
                "arn:${Partition}:s3:::${BucketName}",
                "arn:${Partition}:s3:::${BucketName}/${ObjectName}",
                "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}",
                "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}",
                "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}",
                "arn:${Partition}:a1:b-:*:x/${Id}",
            ];
            let format = formats[which];
            let resource = parts.join(":");
            proptest::prop_assert_eq!(fits(format, &resource), fits_by_search(format, &resource));
        }
    }

    #[test]
    fn the_quick_no_agrees_on_known_cases() {
        let instance = "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}";
        for r in [
            "arn:aws:ec2:*:111122223333:instance/*",
            "arn:aws:ec2:*:111122223333:volume/*",
            "arn:aws:ec2:*",
            "arn:aws:ec*:us-east-1:*:inst*",
            "arn:aws:s3:::b/*",
            "arn:*:ec2:*:*:*",
            "arn:aws:ec2:us-east-1:1:instance/i-1/x",
        ] {
            assert_eq!(fits(instance, r), fits_by_search(instance, r), "{r}");
        }
    }

    #[test]
    fn intersection_of_two_patterns() {
        let t = |s: &str| -> Vec<Tok> { to_pchars(s).into_iter().map(tok_of_pchar).collect() };
        assert!(intersects(&t("a*c"), &t("ab*")));
        assert!(intersects(&t("*"), &t("")));
        assert!(!intersects(&t("a?"), &t("a")));
        assert!(!intersects(&t("x*"), &t("y*")));
        assert!(intersects(&t("*x*"), &t("*y*")));
    }
}
