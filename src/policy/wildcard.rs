//! IAM wildcard matching: `*` (any run of characters, possibly empty) and `?` (exactly one
//! character), the only two wildcards the IAM policy language knows. Brackets and braces are
//! plain text, which is why a general glob crate does not fit.
//!
//! Patterns are compiled once into [`Glob`]; matching never allocates.

/// One element of a compiled wildcard pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PChar {
    /// A character that must appear as is.
    Lit(char),
    /// `*`: any run of characters, possibly empty.
    Star,
    /// `?`: exactly one character.
    One,
}

/// A compiled wildcard pattern with fast paths for the common shapes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Glob {
    /// `*` alone: matches everything.
    Any,
    /// No wildcard: plain equality.
    Exact(Box<str>),
    /// `text*`: a prefix.
    Prefix(Box<str>),
    /// Anything else.
    General(Box<[PChar]>),
}

impl Glob {
    /// Compiles `pattern`, where `*` and `?` are wildcards.
    pub fn new(pattern: &str) -> Glob {
        // The common shapes straight from the text, without splitting it first.
        let wild = |s: &str| s.contains(['*', '?']);
        if !wild(pattern) {
            return Glob::Exact(pattern.into());
        }
        if let Some(head) = pattern.strip_suffix('*')
            && !wild(head)
        {
            return if head.is_empty() {
                Glob::Any
            } else {
                Glob::Prefix(head.into())
            };
        }
        Glob::from_pchars(&to_pchars(pattern))
    }

    /// Compiles already split pattern characters (for patterns whose `*` may be literal,
    /// as after `${*}` substitution).
    pub fn from_pchars(p: &[PChar]) -> Glob {
        let wild = p.iter().filter(|c| !matches!(c, PChar::Lit(_))).count();
        if matches!(p, [PChar::Star]) {
            return Glob::Any;
        }
        let lits: String = p
            .iter()
            .filter_map(|c| match c {
                PChar::Lit(c) => Some(*c),
                _ => None,
            })
            .collect();
        if wild == 0 {
            return Glob::Exact(lits.into());
        }
        if wild == 1 && p.last() == Some(&PChar::Star) {
            return Glob::Prefix(lits.into());
        }
        Glob::General(p.into())
    }

    /// True when `text` matches.
    pub fn matches(&self, text: &str) -> bool {
        match self {
            Glob::Any => true,
            Glob::Exact(s) => **s == *text,
            Glob::Prefix(s) => text.starts_with(&**s),
            Glob::General(p) => glob_match(p, text),
        }
    }

    /// True when the pattern has no wildcard.
    pub fn is_exact(&self) -> bool {
        matches!(self, Glob::Exact(_))
    }
}

/// Splits a pattern into characters and wildcards.
pub fn to_pchars(pattern: &str) -> Vec<PChar> {
    pattern
        .chars()
        .map(|c| match c {
            '*' => PChar::Star,
            '?' => PChar::One,
            c => PChar::Lit(c),
        })
        .collect()
}

/// Matches `text` against pattern characters: the classic linear-time algorithm that
/// remembers the last `*` and backtracks only to it, which is complete for patterns whose
/// stars are unconstrained.
pub fn glob_match(p: &[PChar], text: &str) -> bool {
    let t = text.as_bytes();
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        let here = next_char(text, ti);
        match p.get(pi) {
            Some(PChar::Star) => {
                star = Some((pi, ti));
                pi += 1;
                continue;
            }
            Some(PChar::One) => {
                pi += 1;
                ti += here.1;
                continue;
            }
            Some(PChar::Lit(c)) if *c == here.0 => {
                pi += 1;
                ti += here.1;
                continue;
            }
            _ => {}
        }
        match star {
            Some((sp, st)) => {
                let skipped = next_char(text, st).1;
                pi = sp + 1;
                ti = st + skipped;
                star = Some((sp, ti));
            }
            None => return false,
        }
    }
    p.iter().skip(pi).all(|c| *c == PChar::Star)
}

/// The character at byte `i` of `s` and its length in bytes.
fn next_char(s: &str, i: usize) -> (char, usize) {
    s.get(i..)
        .and_then(|rest| rest.chars().next())
        .map(|c| (c, c.len_utf8()))
        .unwrap_or(('\0', 1))
}

/// Matches a Resource-element ARN pattern against an ARN, as IAM documents: the first five
/// colon-separated segments are matched one by one, the sixth (the resource part, which may
/// itself hold colons) as a whole, and a `*` that ends a segment may run on past colons into
/// the following segments.
pub fn arn_resource_match(p: &[PChar], arn: &str) -> bool {
    if matches!(p, [PChar::Star]) {
        return true;
    }
    let (psegs, pn) = split_pchars(p);
    let (asegs, an) = split_str(arn);
    match_segments(
        psegs.get(..pn).unwrap_or_default(),
        arn,
        asegs.get(..an).unwrap_or_default(),
    )
}

/// An ARN split at its first five colons, done once per request: the byte ranges of its
/// segments.
#[derive(Debug, Clone, Copy)]
pub struct ArnSplit {
    segs: [(usize, usize); 6],
    n: usize,
}

impl ArnSplit {
    /// Splits `arn`.
    pub fn of(arn: &str) -> ArnSplit {
        let (segs, n) = split_str(arn);
        ArnSplit { segs, n }
    }

    fn segments(&self) -> &[(usize, usize)] {
        self.segs.get(..self.n).unwrap_or_default()
    }
}

/// A static Resource-element ARN pattern compiled segment by segment, for
/// [`arn_resource_match`] without splitting the pattern on every request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArnPattern {
    segs: Box<[(Glob, bool)]>,
}

impl ArnPattern {
    /// Compiles the pattern characters of a Resource entry.
    pub fn new(p: &[PChar]) -> ArnPattern {
        let (psegs, pn) = split_pchars(p);
        ArnPattern {
            segs: psegs
                .iter()
                .take(pn)
                .map(|seg| (Glob::from_pchars(seg), seg.last() == Some(&PChar::Star)))
                .collect(),
        }
    }

    /// True when `arn`, split as `split`, matches: what [`arn_resource_match`] answers.
    pub fn matches(&self, arn: &str, split: &ArnSplit) -> bool {
        if let [(Glob::Any, _)] = &*self.segs {
            return true;
        }
        match_compiled(&self.segs, arn, split.segments())
    }
}

fn match_compiled(p: &[(Glob, bool)], s: &str, segs: &[(usize, usize)]) -> bool {
    let Some(((first, star), rest)) = p.split_first() else {
        return segs.is_empty();
    };
    let Some((&(start, end), later)) = segs.split_first() else {
        return false;
    };
    let matches_up_to = |stop: usize| s.get(start..stop).is_some_and(|t| first.matches(t));
    if matches_up_to(end) && match_compiled(rest, s, later) {
        return true;
    }
    // A trailing `*` may absorb the following segments, colons included.
    if *star {
        for (k, &(_, stop)) in later.iter().enumerate() {
            let after = later.get(k + 1..).unwrap_or_default();
            if matches_up_to(stop) && match_compiled(rest, s, after) {
                return true;
            }
        }
    }
    false
}

/// Splits pattern characters at the first five literal colons (no allocation).
fn split_pchars(p: &[PChar]) -> ([&[PChar]; 6], usize) {
    let mut out: [&[PChar]; 6] = [&[]; 6];
    let mut n = 0;
    let mut start = 0;
    // A plain loop: this runs for every resource match, and an iterator adapter here cost
    // a third of a small policy's decision time.
    for (i, c) in p.iter().enumerate() {
        if n == 5 {
            break;
        }
        if *c == PChar::Lit(':') {
            if let (Some(slot), Some(seg)) = (out.get_mut(n), p.get(start..i)) {
                *slot = seg;
            }
            n += 1;
            start = i + 1;
        }
    }
    if let (Some(slot), Some(seg)) = (out.get_mut(n), p.get(start..)) {
        *slot = seg;
    }
    (out, n + 1)
}

/// Byte ranges of the segments of `s` split at its first five colons (no allocation).
fn split_str(s: &str) -> ([(usize, usize); 6], usize) {
    let mut out = [(0usize, 0usize); 6];
    let mut n = 0;
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        if n == 5 {
            break;
        }
        if b == b':' {
            if let Some(slot) = out.get_mut(n) {
                *slot = (start, i);
            }
            n += 1;
            start = i + 1;
        }
    }
    if let Some(slot) = out.get_mut(n) {
        *slot = (start, s.len());
    }
    (out, n + 1)
}

fn match_segments(p: &[&[PChar]], s: &str, segs: &[(usize, usize)]) -> bool {
    let Some((first, rest)) = p.split_first() else {
        return segs.is_empty();
    };
    let Some((&(start, end), later)) = segs.split_first() else {
        return false;
    };
    // The ranges come from `split_str` and end at colons or at the end, so `get` always
    // succeeds; a miss would only mean no match.
    let matches_up_to = |stop: usize| s.get(start..stop).is_some_and(|t| glob_match(first, t));
    if matches_up_to(end) && match_segments(rest, s, later) {
        return true;
    }
    // A trailing `*` may absorb the following segments, colons included.
    if first.last() == Some(&PChar::Star) {
        for (k, &(_, stop)) in later.iter().enumerate() {
            let after = later.get(k + 1..).unwrap_or_default();
            if matches_up_to(stop) && match_segments(rest, s, after) {
                return true;
            }
        }
    }
    false
}

/// `ArnLike` / `ArnEquals`: both values must have six colon-separated parts, compared one by
/// one (the sixth, the resource part, as a whole); `*` and `?` work inside each part.
pub fn arn_like(p: &[PChar], arn: &str) -> bool {
    let (psegs, pn) = split_pchars(p);
    let (asegs, an) = split_str(arn);
    if pn != 6 || an != 6 {
        return false;
    }
    psegs
        .iter()
        .zip(&asegs)
        .all(|(ps, &(a, b))| arn.get(a..b).is_some_and(|t| glob_match(ps, t)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_shapes() {
        assert!(Glob::new("*").matches(""));
        assert!(Glob::new("s3:get*").matches("s3:getobject"));
        assert!(!Glob::new("s3:get*").matches("s3:putobject"));
        assert!(Glob::new("a?c").matches("abc"));
        assert!(!Glob::new("a?c").matches("ac"));
        assert!(Glob::new("*b*").matches("abc"));
        assert!(Glob::new("a*b*c").matches("aXbYbZc"));
        assert!(Glob::new("日?本").matches("日x本"));
        assert!(Glob::new("[x]{y}").matches("[x]{y}"));
    }

    /// The compiled pattern answers what matching the characters answers.
    #[test]
    fn compiled_arn_patterns_agree() {
        let patterns = [
            "*",
            "arn:aws:s3:::bucket/*",
            "arn:aws:ec2:*",
            "arn:aws:ec2:*:111:instance/*",
            "arn:aws:ec2:us-*-1:111:instance/*",
            "arn:*:*:*:*:*",
            "arn:aws:*:us-east-1:111:*",
            "arn:aws:iam::111:role/r?",
            "arn:aws:s3",
            "a*",
            "arn:aws:sqs:*:111:*",
        ];
        let arns = [
            "arn:aws:s3:::bucket/a/b",
            "arn:aws:s3:::bucket",
            "arn:aws:ec2:us-east-1:111:instance/i-1",
            "arn:aws:ec2:us:x-1:111:instance/i-1",
            "arn:aws:iam::111:role/r1",
            "arn:aws:s3",
            "arn:aws:sqs:us-east-1:111:q:with:colons",
            "*",
            "",
            "arn:aws:ec2:eu-west-1:111:volume/v",
        ];
        for p in patterns {
            let pc = to_pchars(p);
            let compiled = ArnPattern::new(&pc);
            for a in arns {
                assert_eq!(
                    compiled.matches(a, &ArnSplit::of(a)),
                    arn_resource_match(&pc, a),
                    "{p} against {a}"
                );
            }
        }
    }

    #[test]
    fn arn_segments() {
        let p = to_pchars("arn:aws:s3:::bucket/*");
        assert!(arn_resource_match(&p, "arn:aws:s3:::bucket/a/b"));
        assert!(!arn_resource_match(&p, "arn:aws:s3:::bucket"));
        let p = to_pchars("arn:aws:ec2:*");
        assert!(arn_resource_match(
            &p,
            "arn:aws:ec2:us-east-1:111:instance/i-1"
        ));
        let p = to_pchars("arn:aws:ec2:*:111:instance/*");
        assert!(arn_resource_match(
            &p,
            "arn:aws:ec2:us-east-1:111:instance/i-1"
        ));
        let p = to_pchars("arn:aws:ec2:us-*-1:111:instance/*");
        assert!(!arn_resource_match(
            &p,
            "arn:aws:ec2:us:x-1:111:instance/i-1"
        ));
    }
}
