//! The answer as the AWS CLI prints it: `--query` (compiled before the call, bounded),
//! the page token of a cut answer, the output format, `--generate-cli-skeleton`, and the
//! helpers the handlers build their JSON with.

use serde_json::{Map, Value};

use super::cli_error::{CliError, Kind as ErrKind};
use super::{Output, args, jmes};
use crate::account::output::{Format, Style, render};
use crate::account::service_model::Operation;
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::sandbox::Sandbox as Say;

/// The longest `--query`, in bytes.
pub const MAX_QUERY: usize = 2048;
/// How deep a `--query` may nest (see `query_nesting`).
pub const MAX_QUERY_NESTING: usize = 64;

/// The choices of the CLI's `--output` (`off` is one the sandbox does not print).
pub(super) const OUTPUT_CHOICES: [&str; 6] =
    ["json", "text", "table", "yaml", "yaml-stream", "off"];

/// How one answer is printed: the output format, the compiled `--query`, the operation
/// (`--output table`'s title) and the terminal's width.
pub(super) struct Printing<'a> {
    /// `--output`.
    pub format: Format,
    /// `--query`, compiled.
    pub query: Option<&'a jmespath::Expression<'static>>,
    /// e.g. `ListUsers`.
    pub operation: &'static str,
    /// The terminal's width, for `--output table`.
    pub width: usize,
}

/// Prints a call's answer: cut to a page when the operation is paginated, queried, then
/// rendered; the exit status is the CLI's for that answer.
pub(super) fn print(
    value: Value,
    paging: Option<(&Operation, args::Paging)>,
    how: &Printing<'_>,
) -> Result<Output, Output> {
    let paged = paging.is_some();
    let mut value = match paging {
        Some((op, paging)) => args::page(op, paging, value),
        None => value,
    };
    // `text` prints a cut answer's token after it, as its own section (`NEXTTOKEN\t…`),
    // as the AWS CLI does; `--query` applies to the answer, not to the token (the CLI
    // printed `None` there until https://github.com/aws/aws-cli/pull/10486).
    let resume = match (paged, how.format, &mut value) {
        (true, Format::Text, Value::Object(m)) => m.shift_remove("NextToken"),
        _ => None,
    };
    let style = Style {
        format: how.format,
        operation: how.operation,
        width: how.width,
    };
    let code = crate::account::output::exit_status(&value);
    let value = match how.query {
        // The query was read before the call; what fails now fails as the CLI's does when it
        // runs it: `aws: [ERROR]: Unknown function: foo()`, status 255.
        Some(q) => {
            search_query(q, &value).map_err(|m| CliError::new(ErrKind::General, m).output())?
        }
        None => value,
    };
    let mut stdout = render(&value, style);
    if let Some(token) = resume {
        let part = serde_json::json!({"NextToken": {"NextToken": token}});
        stdout.push_str(&render(&part, style));
    }
    Ok(Output {
        stdout,
        stderr: String::new(),
        code,
    })
}

/// Checks a `--query` against [`MAX_QUERY`] and [`MAX_QUERY_NESTING`] before the JMESPath
/// parser (which recurses) sees it, then compiles it.
pub(super) fn compile_query(q: &str, lang: Lang) -> Result<jmespath::Expression<'static>, String> {
    if q.len() > MAX_QUERY {
        return Err(Say::QueryTooLong.fill(lang, &[("len", &q.len()), ("max", &MAX_QUERY)]));
    }
    if query_nesting(q) > MAX_QUERY_NESTING {
        return Err(Say::QueryTooDeep.fill(lang, &[("max", &MAX_QUERY_NESTING)]));
    }
    jmes::compile(q)
}

fn search_query(expr: &jmespath::Expression<'_>, v: &Value) -> Result<Value, String> {
    crate::account::query::search(expr, v)
}

/// How deep a JMESPath expression nests: open brackets, braces and parentheses (outside
/// quoted strings and literals), plus the `!` operators and chained projections stacked
/// on them, each of which the parser handles with one more level of recursion.
fn query_nesting(q: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut stacked = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in q.chars() {
        if let Some(open) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == open {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' | '`' => quote = Some(c),
            '(' | '[' | '{' => {
                depth += 1;
                stacked += 1;
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '!' => stacked += 1,
            '|' | ',' | ':' => stacked = 0,
            _ => {}
        }
        deepest = deepest.max(depth + stacked);
    }
    deepest
}

/// Builds a JSON object from pairs, skipping nulls (AWS leaves out absent fields).
pub fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        if !v.is_null() {
            m.insert(k.to_string(), v);
        }
    }
    Value::Object(m)
}

/// AWS CLI's time format, e.g. `2026-01-05T09:00:00+00:00`.
pub fn time(t: jiff::Timestamp) -> Value {
    Value::String(t.strftime("%Y-%m-%dT%H:%M:%S+00:00").to_string())
}

/// What `--generate-cli-skeleton` prints.
pub(super) fn skeleton_output(
    svc: &crate::account::service_model::Service,
    op: &crate::account::service_model::Operation,
    kind: args::Skeleton,
) -> Output {
    let shape = match kind {
        args::Skeleton::Output => op.output,
        _ => op.input,
    };
    let value = match shape {
        Some(s) => args::skeleton(svc, s, &mut Vec::new()),
        None => Value::Object(Map::new()),
    };
    let stdout = match kind {
        args::Skeleton::YamlInput => serde_yaml::to_string(&value).unwrap_or_default(),
        _ => render(&value, Style::JSON),
    };
    Output {
        stdout,
        ..Output::default()
    }
}
