//! The text tools a command's output may be piped through in the sandbox, as learners pipe
//! the AWS CLI's `--output text` at work: `cut`, `awk '{print …}'`, `grep`, `head`, `tail`,
//! `sort`, `uniq`, `wc -l`, `tr`, `base64 -d`. Each is the small, common part of the GNU tool
//! (POSIX options), applied to text in memory; anything else is refused with what the sandbox
//! has instead, never guessed at.
//!
//! Their own messages (`cut: fields are numbered from 1`) are the tools', in English as the
//! tools print them without a translated locale.

use regex::RegexBuilder;

/// Where a line splits into commands: each `|` outside quotes. `None` when the line has
/// `||` outside quotes (the shell's "or", which the sandbox does not run).
pub fn split(line: &str) -> Option<Vec<&str>> {
    let mut parts = Vec::new();
    let (mut quote, mut escaped, mut start, mut depth) = (None::<char>, false, 0, 0usize);
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if escaped {
            escaped = false;
            continue;
        }
        match (quote, c) {
            (Some('\''), '\'') | (Some('"'), '"') | (Some('`'), '`') => quote = None,
            (Some('\''), _) => {}
            (_, '\\') => escaped = true,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            // A `|` inside `$(…)` belongs to the command substituted.
            (None, '$') if chars.peek().is_some_and(|&(_, n)| n == '(') => {
                chars.next();
                depth += 1;
            }
            (None, ')') => depth = depth.saturating_sub(1),
            (None, '|') if depth == 0 => {
                if chars.peek().is_some_and(|&(_, n)| n == '|') {
                    return None;
                }
                parts.push(line.get(start..i).unwrap_or_default().trim());
                start = i + 1;
            }
            (None, _) => {}
        }
    }
    parts.push(line.get(start..).unwrap_or_default().trim());
    Some(parts)
}

/// Why a tool could not run: its message, and the exit status the real tool gives.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// The tool is not one of the sandbox's.
    Unknown(String),
    /// The tool refused its arguments or input: its message, as the tool prints it.
    Tool(String),
}

/// The tools the sandbox has, for the messages that name them (joined as the language
/// joins a list).
pub const TOOLS: [&str; 10] = [
    "cut",
    "awk '{print …}'",
    "grep",
    "head",
    "tail",
    "sort",
    "uniq",
    "wc -l",
    "tr",
    "base64 -d",
];

/// Runs the tool `words` (its name first) on `input`: its output and exit status (grep's is
/// 1 when no line matched; every other tool's 0).
pub fn run(words: &[String], input: &str) -> Result<(String, i32), Refused> {
    if let Some(("grep", args)) = words.split_first().map(|(t, a)| (t.as_str(), a)) {
        return grep(args, input);
    }
    filter(words, input).map(|out| (out, 0))
}

/// The tools whose exit status is always 0.
fn filter(words: &[String], input: &str) -> Result<String, Refused> {
    let Some((tool, args)) = words.split_first() else {
        return Err(Refused::Tool(
            "syntax error near unexpected token `|'".into(),
        ));
    };
    let lines = || input.lines();
    match tool.as_str() {
        "cut" => cut(args, input),
        "awk" => awk(args, input),
        "head" => count_arg("head", args).map(|n| joined(lines().take(n))),
        "tail" => count_arg("tail", args).map(|n| {
            let all: Vec<&str> = lines().collect();
            joined(all.iter().skip(all.len().saturating_sub(n)).copied())
        }),
        "sort" => sort(args, input),
        "uniq" => uniq(args, input),
        "wc" => match args
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["-l"] => Ok(format!("{}\n", lines().count())),
            _ => Err(Refused::Tool(
                "wc: the sandbox counts lines only: wc -l".into(),
            )),
        },
        "tr" => tr(args, input),
        "base64" => match args
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["-d"] | ["--decode"] => {
                use base64::Engine as _;
                base64::engine::general_purpose::STANDARD
                    .decode(input.split_whitespace().collect::<String>())
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .map_err(|_| Refused::Tool("base64: invalid input".into()))
            }
            _ => Err(Refused::Tool(
                "base64: the sandbox decodes only: base64 -d".into(),
            )),
        },
        other => Err(Refused::Unknown(other.to_string())),
    }
}

/// Lines, each ended by a line feed.
fn joined<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    lines.map(|l| format!("{l}\n")).collect()
}

/// `-n N`, `-nN`, `-N` or nothing (10), as head and tail take it.
fn count_arg(tool: &str, args: &[String]) -> Result<usize, Refused> {
    let text = match args {
        [] => return Ok(10),
        [n, v] if n == "-n" => v.as_str(),
        [a] if a.starts_with("-n") => a.get(2..).unwrap_or_default(),
        [a] if a.starts_with('-') => a.get(1..).unwrap_or_default(),
        _ => return Err(Refused::Tool(format!("{tool}: usage: {tool} -n LINES"))),
    };
    text.parse()
        .map_err(|_| Refused::Tool(format!("{tool}: invalid number of lines: '{text}'")))
}

/// `cut -f LIST [-d DELIM]` (the delimiter a tab unless given; lines without it printed
/// whole, as GNU cut does without `-s`).
fn cut(args: &[String], input: &str) -> Result<String, Refused> {
    let (mut fields, mut delim) = (None, '\t');
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.get(..2) {
            Some(f @ ("-f" | "-d")) => (f, a.get(2..).filter(|s| !s.is_empty())),
            _ => {
                return Err(Refused::Tool(format!(
                    "cut: the sandbox cuts fields only: cut -f LIST [-d DELIM], not '{a}'"
                )));
            }
        };
        let value = match inline {
            Some(v) => v.to_string(),
            None => it.next().cloned().ok_or_else(|| {
                Refused::Tool(format!(
                    "cut: option requires an argument -- '{}'",
                    flag.trim_start_matches('-')
                ))
            })?,
        };
        if flag == "-f" {
            fields = Some(field_list(&value)?);
        } else {
            let mut cs = value.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => delim = c,
                _ => {
                    return Err(Refused::Tool(
                        "cut: the delimiter must be a single character".into(),
                    ));
                }
            }
        }
    }
    let fields = fields.ok_or_else(|| {
        Refused::Tool("cut: you must specify a list of bytes, characters, or fields".into())
    })?;
    let d = delim.to_string();
    Ok(joined_owned(input.lines().map(|l| {
        if !l.contains(delim) {
            return l.to_string();
        }
        l.split(delim)
            .enumerate()
            .filter(|(i, _)| fields.iter().any(|r| r.contains(&(i + 1))))
            .map(|(_, f)| f)
            .collect::<Vec<_>>()
            .join(&d)
    })))
}

fn joined_owned(lines: impl Iterator<Item = String>) -> String {
    lines.map(|l| l + "\n").collect()
}

/// A field list: `1`, `1,3`, `2-4`, `3-`, `-2`.
fn field_list(s: &str) -> Result<Vec<std::ops::RangeInclusive<usize>>, Refused> {
    let bad = || Refused::Tool(format!("cut: invalid field value '{s}'"));
    s.split(',')
        .map(|part| {
            let num = |t: &str| t.parse::<usize>().map_err(|_| bad());
            let r = match part.split_once('-') {
                None => num(part).map(|n| n..=n)?,
                Some(("", "")) => return Err(bad()),
                Some(("", hi)) => 1..=num(hi)?,
                Some((lo, "")) => num(lo)?..=usize::MAX,
                Some((lo, hi)) => num(lo)?..=num(hi)?,
            };
            if *r.start() == 0 {
                return Err(Refused::Tool("cut: fields are numbered from 1".into()));
            }
            Ok(r)
        })
        .collect()
}

/// `awk [-F SEP] '{print $N, …}'`: fields split on runs of blanks (or on `SEP`), printed
/// joined by a space where the program has a comma and directly where it has none; `$0` is
/// the line, `$NF` its last field.
fn awk(args: &[String], input: &str) -> Result<String, Refused> {
    let (sep, program) = match args {
        [p] => (None, p),
        [f, s, p] if f == "-F" => (Some(s.as_str()), p),
        [f, p] if f.starts_with("-F") && f.len() > 2 => (f.get(2..), p),
        _ => return Err(awk_refused()),
    };
    let body = program
        .trim()
        .strip_prefix('{')
        .and_then(|b| b.strip_suffix('}'))
        .map(str::trim)
        .and_then(|b| b.strip_prefix("print"))
        .ok_or_else(awk_refused)?;
    // Each item: a field reference, and whether a comma (a space in the output) precedes it.
    let mut items: Vec<(bool, Field)> = Vec::new();
    let mut comma = false;
    let mut rest = body.trim();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix(',') {
            comma = true;
            rest = r.trim_start();
            continue;
        }
        let end = rest
            .get(1..)
            .and_then(|r| r.find(|c: char| c.is_whitespace() || c == ',' || c == '$'))
            .map_or(rest.len(), |e| e + 1);
        let (token, r) = rest.split_at(end);
        items.push((std::mem::take(&mut comma), field(token)?));
        rest = r.trim_start();
    }
    Ok(joined_owned(input.lines().map(|l| {
        let fs: Vec<&str> = match sep {
            Some(s) if s != " " => l.split(s).collect(),
            _ => l.split_whitespace().collect(),
        };
        let mut out = String::new();
        for (i, (comma, f)) in items.iter().enumerate() {
            if i > 0 && *comma {
                out.push(' ');
            }
            out.push_str(match f {
                Field::Whole => l,
                Field::Last => fs.last().copied().unwrap_or_default(),
                Field::Nth(n) => fs.get(n - 1).copied().unwrap_or_default(),
            });
        }
        if items.is_empty() {
            out.push_str(l);
        }
        out
    })))
}

enum Field {
    Whole,
    Last,
    Nth(usize),
}

fn field(s: &str) -> Result<Field, Refused> {
    match s.strip_prefix('$') {
        Some("0") => Ok(Field::Whole),
        Some("NF") => Ok(Field::Last),
        Some(n) => match n.parse::<usize>() {
            Ok(n) if n > 0 => Ok(Field::Nth(n)),
            _ => Err(awk_refused()),
        },
        None => Err(awk_refused()),
    }
}

fn awk_refused() -> Refused {
    Refused::Tool(
        "awk: the sandbox runs only '{print $1, $3}' (fields, $0, $NF), with -F SEP".into(),
    )
}

/// `grep [-i] [-v] [-c] [-F] [-E] PATTERN` (a regular expression, as `grep -E` reads it),
/// with its exit status: 1 when no line was selected, as GNU grep's.
fn grep(args: &[String], input: &str) -> Result<(String, i32), Refused> {
    let (mut ignore, mut invert, mut count, mut fixed, mut pattern) =
        (false, false, false, false, None);
    for a in args {
        match a.as_str() {
            s if s.starts_with('-') && s.len() > 1 && pattern.is_none() => {
                for c in s.chars().skip(1) {
                    match c {
                        'i' => ignore = true,
                        'v' => invert = true,
                        'c' => count = true,
                        'F' => fixed = true,
                        'E' => {}
                        _ => {
                            return Err(Refused::Tool(format!(
                                "grep: the sandbox knows -i, -v, -c, -F, -E, not -{c}"
                            )));
                        }
                    }
                }
            }
            s if pattern.is_none() => pattern = Some(s.to_string()),
            _ => {
                return Err(Refused::Tool(
                    "grep: the sandbox reads the piped text only: one pattern, no file".into(),
                ));
            }
        }
    }
    let pattern =
        pattern.ok_or_else(|| Refused::Tool("Usage: grep [OPTION]... PATTERNS".into()))?;
    let text = if fixed {
        regex::escape(&pattern)
    } else {
        pattern.clone()
    };
    let re = RegexBuilder::new(&text)
        .case_insensitive(ignore)
        .size_limit(1 << 20)
        .build()
        .map_err(|_| Refused::Tool(format!("grep: invalid regular expression '{pattern}'")))?;
    let hits: Vec<&str> = input.lines().filter(|l| re.is_match(l) != invert).collect();
    let code = i32::from(hits.is_empty());
    if count {
        return Ok((format!("{}\n", hits.len()), code));
    }
    Ok((joined(hits.into_iter()), code))
}

/// `sort [-r] [-n] [-u]`.
fn sort(args: &[String], input: &str) -> Result<String, Refused> {
    let (mut reverse, mut numeric, mut unique) = (false, false, false);
    for a in args {
        for c in a.strip_prefix('-').unwrap_or("?").chars() {
            match c {
                'r' => reverse = true,
                'n' => numeric = true,
                'u' => unique = true,
                _ => {
                    return Err(Refused::Tool(format!(
                        "sort: the sandbox knows -r, -n, -u, not '{a}'"
                    )));
                }
            }
        }
    }
    let mut lines: Vec<&str> = input.lines().collect();
    let num = |l: &str| {
        l.trim_start()
            .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .next()
            .and_then(|n| n.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    if numeric {
        lines.sort_by(|a, b| num(a).total_cmp(&num(b)).then(a.cmp(b)));
    } else {
        lines.sort_unstable();
    }
    if unique {
        lines.dedup();
    }
    if reverse {
        lines.reverse();
    }
    Ok(joined(lines.into_iter()))
}

/// `uniq [-c]`: adjacent repeated lines once (with their count, as GNU uniq pads it).
fn uniq(args: &[String], input: &str) -> Result<String, Refused> {
    let counted = match args {
        [] => false,
        [c] if c == "-c" => true,
        _ => return Err(Refused::Tool("uniq: the sandbox knows -c only".into())),
    };
    let mut runs: Vec<(usize, &str)> = Vec::new();
    for l in input.lines() {
        match runs.last_mut() {
            Some((n, last)) if *last == l => *n += 1,
            _ => runs.push((1, l)),
        }
    }
    Ok(joined_owned(runs.into_iter().map(|(n, l)| {
        if counted {
            format!("{n:>7} {l}")
        } else {
            l.to_string()
        }
    })))
}

/// `tr SET1 SET2` (one character for one, as many as SET2 has; `'\t'` and `'\n'` understood)
/// and `tr -d SET`.
fn tr(args: &[String], input: &str) -> Result<String, Refused> {
    let set = |s: &str| -> Vec<char> {
        s.replace("\\t", "\t")
            .replace("\\n", "\n")
            .chars()
            .collect()
    };
    match args {
        [d, s] if d == "-d" => {
            let s = set(s);
            Ok(input.chars().filter(|c| !s.contains(c)).collect())
        }
        [a, b] if !a.starts_with('-') => {
            let (a, b) = (set(a), set(b));
            let Some(&fill) = b.last() else {
                return Err(Refused::Tool(
                    "tr: when not truncating set1, string2 must be non-empty".into(),
                ));
            };
            Ok(input
                .chars()
                .map(|c| match a.iter().position(|&x| x == c) {
                    Some(i) => b.get(i).copied().unwrap_or(fill),
                    None => c,
                })
                .collect())
        }
        _ => Err(Refused::Tool(
            "tr: the sandbox knows tr SET1 SET2 and tr -d SET".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        shlex::split(s).unwrap_or_default()
    }

    fn ok(cmd: &str, input: &str) -> String {
        match run(&w(cmd), input) {
            Ok((s, _)) => s,
            Err(e) => format!("ERR {e:?}"),
        }
    }

    const TEXT: &str = "123456789012\tarn:aws:iam::123456789012:user/alice\tAIDAEXAMPLE\n";

    #[test]
    fn the_line_splits_at_pipes_outside_quotes() {
        assert_eq!(split("a | b c|d"), Some(vec!["a", "b c", "d"]));
        assert_eq!(
            split("aws x --query 'a | [0]' | cut -f1"),
            Some(vec!["aws x --query 'a | [0]'", "cut -f1"])
        );
        assert_eq!(split(r#"a "x|y" | b"#), Some(vec![r#"a "x|y""#, "b"]));
        assert_eq!(split("a --query `x|y`"), Some(vec!["a --query `x|y`"]));
        assert_eq!(split(r"a \| b"), Some(vec![r"a \| b"]));
        assert_eq!(split("a || b"), None);
        assert_eq!(split("a"), Some(vec!["a"]));
        assert_eq!(split("X=$(a | b) | c"), Some(vec!["X=$(a | b)", "c"]));
    }

    #[test]
    fn cut_takes_fields_as_gnu_cut_does() {
        assert_eq!(ok("cut -f1", TEXT), "123456789012\n");
        assert_eq!(
            ok("cut -f 2,3", TEXT),
            "arn:aws:iam::123456789012:user/alice\tAIDAEXAMPLE\n"
        );
        assert_eq!(
            ok("cut -f2-", TEXT),
            "arn:aws:iam::123456789012:user/alice\tAIDAEXAMPLE\n"
        );
        assert_eq!(ok("cut -f -1", TEXT), "123456789012\n");
        assert_eq!(ok("cut -d: -f5", "arn:aws:iam::1:user/a\n"), "1\n");
        assert_eq!(ok("cut -d / -f2", "user/a\nnoslash\n"), "a\nnoslash\n");
        assert_eq!(ok("cut -f9", TEXT), "\n");
        assert!(ok("cut -f0", TEXT).contains("numbered from 1"));
        assert!(ok("cut -c1", TEXT).contains("fields only"));
        assert!(ok("cut", TEXT).contains("list of bytes"));
        assert!(ok("cut -f", TEXT).contains("requires an argument"));
    }

    #[test]
    fn awk_prints_fields() {
        assert_eq!(ok("awk '{print $2}'", "a b  c\n"), "b\n");
        assert_eq!(ok("awk '{print $1, $3}'", "a b c\n"), "a c\n");
        assert_eq!(ok("awk '{print $1 $3}'", "a b c\n"), "ac\n");
        assert_eq!(ok("awk '{print $NF}'", "a b c\n"), "c\n");
        assert_eq!(ok("awk '{print $0}'", "a b\n"), "a b\n");
        assert_eq!(ok("awk -F: '{print $5}'", "arn:aws:iam::1:user/a\n"), "1\n");
        assert_eq!(ok("awk -F / '{print $2}'", "user/a\n"), "a\n");
        assert!(ok("awk '{sum+=$1} END {print sum}'", "1\n").contains("only"));
    }

    #[test]
    fn grep_head_tail_sort_uniq_wc_tr() {
        let t = "b\na\nB\na\n";
        assert_eq!(ok("grep a", t), "a\na\n");
        assert_eq!(ok("grep -i b", t), "b\nB\n");
        assert_eq!(ok("grep -v a", t), "b\nB\n");
        assert_eq!(ok("grep -c a", t), "2\n");
        assert_eq!(ok("grep -F .", "a.b\nab\n"), "a.b\n");
        assert_eq!(ok("grep -E '^(a|b)$'", t), "b\na\na\n");
        assert!(ok("grep '('", t).contains("invalid regular expression"));
        assert_eq!(ok("head -n 1", t), "b\n");
        assert_eq!(ok("head -2", t), "b\na\n");
        assert_eq!(ok("tail -n 1", t), "a\n");
        assert_eq!(ok("tail -n 9", t), t);
        assert_eq!(ok("sort", t), "B\na\na\nb\n");
        assert_eq!(ok("sort -u", t), "B\na\nb\n");
        assert_eq!(ok("sort -r", t), "b\na\na\nB\n");
        assert_eq!(ok("sort -n", "10\n9\n"), "9\n10\n");
        assert_eq!(ok("uniq", "a\na\nb\na\n"), "a\nb\na\n");
        assert_eq!(ok("uniq -c", "a\na\nb\n"), "      2 a\n      1 b\n");
        assert_eq!(ok("wc -l", t), "4\n");
        assert_eq!(ok("tr '\\t' ' '", "a\tb\n"), "a b\n");
        assert_eq!(ok("tr -d '\\n'", "a\nb\n"), "ab");
        assert_eq!(ok("base64 -d", "aGk=\n"), "hi");
        assert!(ok("head -n x", t).contains("invalid number"));
    }

    #[test]
    fn an_unknown_tool_is_named() {
        assert_eq!(
            run(&w("jq -r .Users"), "{}"),
            Err(Refused::Unknown("jq".into()))
        );
        assert_eq!(run(&w("grep x"), "a\n"), Ok((String::new(), 1)));
        assert_eq!(run(&w("grep -c x"), "a\n"), Ok(("0\n".into(), 1)));
        assert_eq!(run(&w("grep a"), "a\n"), Ok(("a\n".into(), 0)));
        // A selected line that reads `0` is a match, not a count of none.
        assert_eq!(run(&w("grep 0"), "0\n1\n"), Ok(("0\n".into(), 0)));
    }
}
