//! How the sandbox prints an answer, as the AWS CLI does for `--output json|text|table`.

use serde_json::{Map, Value};

use crate::text;

/// The key under which a high-level command (`aws s3 ls`) returns plain text.
pub const PLAIN_TEXT: &str = "$plain-text";

/// Wraps plain text output.
pub fn plain_text(s: String) -> Value {
    let mut m = Map::new();
    m.insert(PLAIN_TEXT.to_string(), Value::String(s));
    Value::Object(m)
}

/// Prints a value as the AWS CLI does for `--output json|text|table`.
pub fn render(v: &Value, output: &str) -> String {
    if let Some(Value::String(s)) = v.get(PLAIN_TEXT) {
        // High-level commands (`aws s3 ls`) print plain text.
        return if s.is_empty() {
            String::new()
        } else {
            format!("{s}\n")
        };
    }
    if let (Value::String(s), "text") = (v, output) {
        return format!("{s}\n");
    }
    match output {
        "text" => {
            let mut s = String::new();
            text_lines(v, "", &mut s);
            s
        }
        "table" => table(v),
        _ => {
            let mut buf = Vec::new();
            let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
            let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
            if serde::Serialize::serialize(v, &mut ser).is_err() {
                return String::new();
            }
            let mut s = String::from_utf8(buf).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "True".into() } else { "False".into() }),
        Value::Null => Some("None".into()),
        _ => None,
    }
}

/// The text format: each object's scalar values on one tab-separated line, prefixed with its
/// key in capitals; nested lists and objects follow on their own lines.
fn text_lines(v: &Value, label: &str, out: &mut String) {
    match v {
        Value::Object(m) => {
            let scalars: Vec<String> = m.values().filter_map(scalar).collect();
            if !scalars.is_empty() {
                if !label.is_empty() {
                    out.push_str(&label.to_uppercase());
                    out.push('\t');
                }
                out.push_str(&scalars.join("\t"));
                out.push('\n');
            }
            for (k, child) in m {
                if scalar(child).is_none() {
                    text_lines(child, k, out);
                }
            }
        }
        Value::Array(items) => {
            if items.iter().all(|i| scalar(i).is_some()) {
                if !label.is_empty() {
                    out.push_str(&label.to_uppercase());
                    out.push('\t');
                }
                let vals: Vec<String> = items.iter().filter_map(scalar).collect();
                out.push_str(&vals.join("\t"));
                out.push('\n');
            } else {
                for i in items {
                    text_lines(i, label, out);
                }
            }
        }
        other => {
            out.push_str(&scalar(other).unwrap_or_default());
            out.push('\n');
        }
    }
}

/// The table format: a boxed table of each list of objects.
fn table(v: &Value) -> String {
    let mut rows: Vec<(String, Vec<(String, String)>)> = Vec::new();
    collect_rows(v, "", &mut rows);
    let mut out = String::new();
    for (title, cells) in rows {
        // Columns are measured in display cells, so a Japanese tag value lines up.
        let kw = cells.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0);
        let mut vw = cells.iter().map(|(_, v)| text::width(v)).max().unwrap_or(0);
        // Inner width: "k | v" with one space of margin on each side.
        let mut inner = kw + vw + 5;
        let title_w = text::width(&title);
        if inner < title_w + 2 {
            vw += title_w + 2 - inner;
            inner = title_w + 2;
        }
        let line = format!("+{}+\n", "-".repeat(inner));
        out.push_str(&line);
        out.push_str(&format!("|{}|\n", text::center(&title, inner)));
        out.push_str(&line);
        for (k, v) in cells {
            out.push_str(&format!(
                "| {} | {} |\n",
                text::pad(&k, kw),
                text::pad(&v, vw)
            ));
        }
        out.push_str(&line);
    }
    out
}

fn collect_rows(v: &Value, title: &str, rows: &mut Vec<(String, Vec<(String, String)>)>) {
    match v {
        Value::Object(m) => {
            let cells: Vec<(String, String)> = m
                .iter()
                .filter_map(|(k, v)| scalar(v).map(|s| (k.clone(), s)))
                .collect();
            if !cells.is_empty() {
                rows.push((title.to_string(), cells));
            }
            for (k, child) in m {
                if scalar(child).is_none() {
                    collect_rows(child, k, rows);
                }
            }
        }
        Value::Array(items) => {
            for i in items {
                match scalar(i) {
                    Some(s) => rows.push((title.to_string(), vec![(String::new(), s)])),
                    None => collect_rows(i, title, rows),
                }
            }
        }
        other => rows.push((
            title.to_string(),
            vec![(String::new(), scalar(other).unwrap_or_default())],
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_of_japanese_values_lines_up_in_display_cells() {
        let v = serde_json::json!({"Group": {"GroupName": "経理部", "Path": "/"}});
        let out = table(&v);
        let widths: Vec<usize> = out.lines().map(text::width).collect();
        assert!(widths.windows(2).all(|w| w.first() == w.get(1)), "{out}");
        assert!(out.contains("| GroupName | 経理部 |"), "{out}");
        assert!(out.contains("| Path      | /      |"), "{out}");
    }
}
