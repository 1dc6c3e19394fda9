//! How the sandbox prints an answer, as the AWS CLI prints it for `--output json`, `text`,
//! `table`, `yaml` and `yaml-stream`.
//!
//! Each format follows what the AWS CLI's own formatters print, byte for byte: the test
//! `tests/cli_formats.rs` compares them with outputs recorded from the AWS CLI itself
//! (`tests/cli-formats/record.sh`). The AWS CLI's behaviour is described in
//! <https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-output-format.html>: `text` sorts
//! the columns by key; `table` titles the answer with the operation's name, nests a box per
//! level and turns one-row sections into key/value rows when the table is wider than the
//! terminal; `yaml` sorts keys and quotes what YAML would read as another type.

use serde_json::{Map, Value};

/// The key under which a high-level command (`aws s3 ls`) returns plain text.
pub const PLAIN_TEXT: &str = "$plain-text";

/// The key under which a high-level command gives the exit status it ends with when it did
/// not fail (`aws s3 ls s3://bucket/prefix` that finds nothing: 1).
pub const EXIT_STATUS: &str = "$exit-status";

/// Wraps plain text output.
pub fn plain_text(s: String) -> Value {
    let mut m = Map::new();
    m.insert(PLAIN_TEXT.to_string(), Value::String(s));
    Value::Object(m)
}

/// Plain text output, and the exit status the command ends with.
pub fn plain_text_exit(s: String, code: i32) -> Value {
    let mut v = plain_text(s);
    if let Value::Object(m) = &mut v {
        m.insert(EXIT_STATUS.to_string(), Value::from(code));
    }
    v
}

/// The exit status an answer asks for (0 unless a high-level command says otherwise).
pub fn exit_status(v: &Value) -> i32 {
    v.get(EXIT_STATUS)
        .and_then(Value::as_i64)
        .and_then(|c| i32::try_from(c).ok())
        .unwrap_or(0)
}

/// An output format of the AWS CLI (`--output`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `json`, the default.
    Json,
    /// `text`: tab-separated columns.
    Text,
    /// `table`: boxed tables.
    Table,
    /// `yaml`.
    Yaml,
    /// `yaml-stream`: each page as an item of a YAML list.
    YamlStream,
}

impl Format {
    /// The format `--output NAME` asks for.
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name {
            "json" => Format::Json,
            "text" => Format::Text,
            "table" => Format::Table,
            "yaml" => Format::Yaml,
            "yaml-stream" => Format::YamlStream,
            _ => return None,
        })
    }
}

/// How an answer is printed: the format, the operation's name (the title of `table`) and the
/// terminal's width in columns (`table` turns one-row sections into key/value rows when it
/// would be wider; the AWS CLI assumes 80 when it cannot tell, as in a pipe).
#[derive(Debug, Clone, Copy)]
pub struct Style<'a> {
    /// The format.
    pub format: Format,
    /// The operation, e.g. `ListUsers`.
    pub operation: &'a str,
    /// The terminal's width.
    pub width: usize,
}

impl Style<'_> {
    /// JSON, as printed by default.
    pub const JSON: Style<'static> = Style {
        format: Format::Json,
        operation: "",
        width: 80,
    };
}

/// Prints an answer as the AWS CLI does.
pub fn render(v: &Value, style: Style<'_>) -> String {
    if let Some(Value::String(s)) = v.get(PLAIN_TEXT) {
        // High-level commands (`aws s3 ls`) print plain text.
        return if s.is_empty() {
            String::new()
        } else {
            format!("{s}\n")
        };
    }
    match style.format {
        Format::Json => json(v),
        Format::Text => {
            let mut out = String::new();
            text(v, None, None, &mut out);
            out
        }
        Format::Table => table(v, style.operation, style.width),
        Format::Yaml => yaml(v),
        Format::YamlStream => {
            if is_empty_object(v) {
                String::new()
            } else {
                yaml(&Value::Array(vec![v.clone()]))
            }
        }
    }
}

fn is_empty_object(v: &Value) -> bool {
    matches!(v, Value::Object(m) if m.is_empty())
}

/// `json`: four-space indent, non-ASCII text as is; an answer with no body prints nothing.
fn json(v: &Value) -> String {
    if is_empty_object(v) {
        return String::new();
    }
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

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Object(_) | Value::Array(_))
}

/// A scalar as the AWS CLI writes it in `text` and `table` (Python's `str`: `True`, `None`,
/// `1.5`).
fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => number(n),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Null => "None".into(),
        // A list or object where a column's value was expected: compact JSON.
        other => other.to_string(),
    }
}

/// A number as Python prints it: whole numbers as they are, others with the shortest
/// round-tripping digits and an exponent of at least two digits (`1e+16`, `1.5e-07`).
fn number(n: &serde_json::Number) -> String {
    if n.is_f64() {
        let f = n.as_f64().unwrap_or(0.0);
        let s = format!("{f:?}");
        match s.split_once('e') {
            Some((mantissa, exp)) => {
                let (sign, digits) = match exp.strip_prefix('-') {
                    Some(d) => ('-', d),
                    None => ('+', exp),
                };
                format!("{mantissa}e{sign}{digits:0>2}")
            }
            None => s,
        }
    } else {
        n.to_string()
    }
}

/// The `text` format (see the module's documentation): each object's scalar values on one
/// tab-separated line, sorted by key and prefixed with the key it was found under, in
/// capitals; in a list of objects every line has the columns of all of them; nested lists and
/// objects follow on their own lines.
fn text(v: &Value, label: Option<&str>, columns: Option<&[&str]>, out: &mut String) {
    match v {
        Value::Object(m) => {
            let mut cells: Vec<String> = Vec::new();
            let mut nested: Vec<(&str, &Value)> = Vec::new();
            match columns {
                None => {
                    let mut keys: Vec<&String> = m.keys().collect();
                    keys.sort();
                    for k in keys {
                        let Some(child) = m.get(k) else { continue };
                        if is_scalar(child) {
                            cells.push(scalar(child));
                        } else {
                            nested.push((k, child));
                        }
                    }
                }
                Some(cols) => {
                    for c in cols {
                        cells.push(m.get(*c).map(scalar).unwrap_or_default());
                    }
                    let mut rest: Vec<&String> =
                        m.keys().filter(|k| !cols.contains(&k.as_str())).collect();
                    rest.sort();
                    for k in rest {
                        if let Some(child) = m.get(k) {
                            nested.push((k, child));
                        }
                    }
                }
            }
            if !cells.is_empty() {
                if let Some(l) = label {
                    cells.insert(0, l.to_uppercase());
                }
                out.push_str(&cells.join("\t"));
                out.push('\n');
            }
            for (k, child) in nested {
                text(child, Some(k), None, out);
            }
        }
        Value::Array(items) => {
            if items.is_empty() {
                return;
            }
            if items.iter().any(|i| i.is_object()) {
                let cols = scalar_keys(items);
                for i in items {
                    text(i, label, Some(&cols), out);
                }
            } else if items.iter().any(Value::is_array) {
                let scalars: Vec<&Value> = items.iter().filter(|i| is_scalar(i)).collect();
                if !scalars.is_empty() {
                    scalar_list(&scalars, label, out);
                }
                for i in items.iter().filter(|i| !is_scalar(i)) {
                    text(i, label, None, out);
                }
            } else {
                let all: Vec<&Value> = items.iter().collect();
                scalar_list(&all, label, out);
            }
        }
        other => {
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

/// The sorted keys whose values are scalars in any of the objects of a list.
fn scalar_keys(items: &[Value]) -> Vec<&str> {
    let mut keys: Vec<&str> = items
        .iter()
        .filter_map(Value::as_object)
        .flat_map(|m| m.iter())
        .filter(|(_, v)| is_scalar(v))
        .map(|(k, _)| k.as_str())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A list of scalars: under a key, one line per value with the key; bare, one line.
fn scalar_list(items: &[&Value], label: Option<&str>, out: &mut String) {
    match label {
        Some(l) => {
            let l = l.to_uppercase();
            for i in items {
                out.push_str(&l);
                out.push('\t');
                out.push_str(&scalar(i));
                out.push('\n');
            }
        }
        None => {
            let cells: Vec<String> = items.iter().map(|i| scalar(i)).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
}

/// Display width as the AWS CLI's table measures it: East Asian wide, full-width and
/// ambiguous characters take two columns, every other character one.
fn cli_width(s: &str) -> usize {
    use unicode_width::UnicodeWidthChar;
    s.chars()
        .map(|c| if c.width_cjk() == Some(2) { 2 } else { 1 })
        .sum()
}

/// One box of the `table` format.
#[derive(Debug, Default)]
struct Section {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent: usize,
    widths: Vec<usize>,
}

impl Section {
    fn note_widths(&mut self, cells: &[String]) {
        if self.widths.is_empty() {
            self.widths = cells.iter().map(|c| cli_width(c)).collect();
        } else {
            for (w, c) in self.widths.iter_mut().zip(cells) {
                *w = (*w).max(cli_width(c));
            }
        }
    }

    fn set_headers(&mut self, headers: Vec<String>) {
        self.note_widths(&headers);
        self.headers = headers;
    }

    fn add_row(&mut self, row: Vec<String>) {
        self.note_widths(&row);
        self.rows.push(row);
    }

    /// The widths of the columns, padded, scaled to fill `total` columns exactly.
    fn column_widths(&self, padding: usize, total: usize) -> Vec<usize> {
        let unscaled: Vec<usize> = self.widths.iter().map(|w| w + padding).collect();
        let sum: usize = unscaled.iter().sum();
        if unscaled.is_empty() || sum == 0 {
            return unscaled;
        }
        let factor = total as f64 / sum as f64;
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|w| round_half_even(factor * *w as f64))
            .collect();
        let mut off_by: i64 = scaled.iter().sum::<i64>() - total as i64;
        let n = scaled.len();
        while off_by != 0 {
            for step in 0..n {
                let i = if off_by < 0 { n - 1 - step } else { step };
                let Some(w) = scaled.get_mut(i) else { break };
                if off_by > 0 {
                    *w -= 1;
                    off_by -= 1;
                } else {
                    *w += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled.into_iter().map(|w| w.max(0) as usize).collect()
    }

    /// The width the section needs, borders and its nesting included.
    fn total_width(&self) -> usize {
        let cells: usize = self.widths.iter().map(|w| w + 4).sum();
        (cells + 2 + 2 * self.indent).max(cli_width(&self.title) + 2 + 2 * self.indent)
    }
}

/// Python's `round`: halves go to the even neighbour.
fn round_half_even(x: f64) -> i64 {
    let r = x.round();
    let r = if (x - x.trunc()).abs() == 0.5 && (r as i64) % 2 != 0 {
        r - x.signum()
    } else {
        r
    };
    r as i64
}

/// Builds the boxes of the `table` format as the AWS CLI does.
#[derive(Default)]
struct TableBuilder {
    sections: Vec<Section>,
}

impl TableBuilder {
    fn current(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        let last = self.sections.len() - 1;
        // The vector is not empty: a section was just pushed if there was none.
        match self.sections.get_mut(last) {
            Some(s) => s,
            None => unreachable_section(),
        }
    }

    fn new_section(&mut self, title: &str, indent: usize) {
        self.sections.push(Section {
            title: title.to_string(),
            indent,
            ..Section::default()
        });
    }

    fn build(&mut self, title: Option<&str>, v: &Value, indent: usize) {
        if falsy(v) {
            return;
        }
        if let Some(t) = title {
            self.new_section(t, indent);
        }
        match v {
            Value::Array(items) => {
                if items.first().is_some_and(Value::is_object) {
                    self.add_list(items, indent, title.unwrap_or(""));
                } else {
                    for item in items {
                        match item {
                            Value::Array(cells) if cells.iter().all(is_scalar) => {
                                self.current().add_row(cells.iter().map(scalar).collect());
                            }
                            Value::Object(m) if m.values().all(is_scalar) => {
                                self.current().add_row(m.keys().cloned().collect());
                            }
                            Value::Array(_) | Value::Object(_) => self.build(None, item, 0),
                            s => self.current().add_row(vec![scalar(s)]),
                        }
                    }
                }
            }
            Value::Object(m) => self.add_object(m, indent),
            _ => {}
        }
    }

    fn add_object(&mut self, m: &Map<String, Value>, indent: usize) {
        let (headers, more) = split_keys(m);
        match headers.as_slice() {
            [] => {}
            [only] => {
                let value = m.get(*only).map(scalar).unwrap_or_default();
                self.current().add_row(vec![(*only).to_string(), value]);
            }
            _ => {
                let row = headers
                    .iter()
                    .map(|k| m.get(*k).map(scalar).unwrap_or_default())
                    .collect();
                self.current()
                    .set_headers(headers.iter().map(|h| (*h).to_string()).collect());
                self.current().add_row(row);
            }
        }
        for k in more {
            if let Some(child) = m.get(k) {
                self.build(Some(k), child, indent + 1);
            }
        }
    }

    fn add_list(&mut self, items: &[Value], indent: usize, title: &str) {
        let mut headers: Vec<&str> = Vec::new();
        let mut more: Vec<&str> = Vec::new();
        for m in items.iter().filter_map(Value::as_object) {
            let (h, n) = split_keys(m);
            headers.extend(h);
            more.extend(n);
        }
        headers.sort_unstable();
        headers.dedup();
        more.sort_unstable();
        more.dedup();
        let header_cells: Vec<String> = headers.iter().map(|h| (*h).to_string()).collect();
        self.current().set_headers(header_cells.clone());
        for (n, item) in items.iter().enumerate() {
            let Some(m) = item.as_object() else { continue };
            if n > 0 && !more.is_empty() {
                self.new_section(title, indent);
                self.current().set_headers(header_cells.clone());
            }
            let row = headers
                .iter()
                .map(|h| m.get(*h).map(scalar).unwrap_or_default())
                .collect();
            self.current().add_row(row);
            for k in &more {
                if let Some(child) = m.get(*k) {
                    self.build(Some(k), child, indent + 1);
                }
            }
        }
    }
}

#[cold]
fn unreachable_section() -> ! {
    // `current` pushes a section before it looks one up.
    std::process::abort()
}

/// Python's truthiness: `table` prints nothing for an empty or zero answer.
fn falsy(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.is_empty(),
    }
}

/// An object's keys with scalar values and the others, each sorted.
fn split_keys(m: &Map<String, Value>) -> (Vec<&str>, Vec<&str>) {
    let mut scalars = Vec::new();
    let mut nested = Vec::new();
    for (k, v) in m {
        if is_scalar(v) {
            scalars.push(k.as_str());
        } else {
            nested.push(k.as_str());
        }
    }
    scalars.sort_unstable();
    nested.sort_unstable();
    (scalars, nested)
}

/// `text` centred in `length` columns between two edges, as the AWS CLI centres a title.
fn center_cell(text: &str, length: usize, left: &str, right: &str) -> String {
    let tl = cli_width(text) as i64;
    let start = (length / 2) as i64 - tl / 2 - 1;
    let so_far = left.len() as i64 + start + tl;
    let right_spaces = length as i64 - right.len() as i64 - so_far;
    format!(
        "{left}{}{text}{}{right}",
        " ".repeat(start.max(0) as usize),
        " ".repeat(right_spaces.max(0) as usize)
    )
}

/// `text` left-aligned in `length` columns with two spaces of margin when they fit.
fn left_cell(text: &str, length: usize, left: &str, right: &str) -> String {
    let tl = cli_width(text);
    let padding = if length >= tl + 2 + left.len() + right.len() {
        2
    } else {
        0
    };
    let so_far = left.len() + padding + tl;
    format!(
        "{left}{}{text}{}{right}",
        " ".repeat(padding),
        " ".repeat(length.saturating_sub(so_far + right.len()))
    )
}

fn line_break(widths: &[usize]) -> String {
    let mut s = String::new();
    for (n, w) in widths.iter().enumerate() {
        if n == 0 {
            s.push('+');
            s.push_str(&"-".repeat(w.saturating_sub(2)));
        } else {
            s.push_str(&"-".repeat(w.saturating_sub(1)));
        }
        s.push('+');
    }
    s
}

/// The `table` format (see the module's documentation).
fn table(v: &Value, operation: &str, terminal: usize) -> String {
    let mut b = TableBuilder::default();
    if falsy(v) {
        return String::new();
    }
    b.build(Some(operation), v, 0);
    let mut sections = b.sections;
    let mut max_width = sections.iter().map(Section::total_width).max().unwrap_or(0);
    if max_width > terminal {
        // Too wide for the terminal: a one-row section becomes key/value rows.
        for s in sections.iter_mut() {
            if s.rows.len() == 1 && !s.headers.is_empty() {
                let headers = std::mem::take(&mut s.headers);
                let row = std::mem::take(&mut s.rows)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                s.widths.clear();
                for (h, cell) in headers.into_iter().zip(row) {
                    s.add_row(vec![h, cell]);
                }
            }
        }
        max_width = sections.iter().map(Section::total_width).max().unwrap_or(0);
    }
    let mut out = "-".repeat(max_width);
    out.push('\n');
    for s in &sections {
        let bars = "|".repeat(s.indent);
        let mut line = |l: &str| {
            out.push_str(&bars);
            out.push_str(l);
            out.push_str(&bars);
            out.push('\n');
        };
        let width = max_width.saturating_sub(2 * s.indent);
        if !s.title.is_empty() {
            line(&center_cell(&s.title, width, "|", "|"));
            if s.headers.is_empty() && s.rows.is_empty() {
                line(&format!("+{}+", "-".repeat(width.saturating_sub(2))));
            }
        }
        if !s.headers.is_empty() {
            let widths = s.column_widths(4, width);
            line(&line_break(&widths));
            let mut cells = String::new();
            for (n, (w, h)) in widths.iter().zip(&s.headers).enumerate() {
                cells.push_str(&center_cell(h, *w, if n == 0 { "|" } else { "" }, "|"));
            }
            line(&cells);
        }
        if !s.rows.is_empty() {
            let widths = s.column_widths(4, width);
            if widths.is_empty() {
                continue;
            }
            line(&line_break(&widths));
            for row in &s.rows {
                let mut cells = String::new();
                for (n, (w, c)) in widths.iter().zip(row).enumerate() {
                    cells.push_str(&left_cell(c, *w, if n == 0 { "|" } else { "" }, "|"));
                }
                line(&cells);
            }
            line(&line_break(&widths));
        }
    }
    out
}

/// The `yaml` format, as the AWS CLI v2 prints it: keys sorted, block style, two-space
/// indent, lists under a key not indented, long lines folded after column 80, and a string
/// quoted where YAML 1.2 would read it as another type (`'123'`, `'true'`, a timestamp) or
/// where its characters need it. A bare scalar answer (from `--query`) is printed as JSON.
fn yaml(v: &Value) -> String {
    let mut y = YamlWriter::default();
    match v {
        Value::Object(m) if m.is_empty() => return String::new(),
        Value::Object(m) => y.mapping(m, 0, false),
        Value::Array(a) if a.is_empty() => y.out.push_str("[]"),
        Value::Array(a) => y.sequence(a, 0, false),
        Value::String(s) => return format!("{}\n", Value::String(s.clone())),
        Value::Number(n) => return format!("{}\n", number(n)),
        other => return format!("{other}\n"),
    }
    y.out.push('\n');
    y.out
}

/// The line width after which a YAML scalar is folded at its next space.
const YAML_WIDTH: usize = 80;

#[derive(Default)]
struct YamlWriter {
    out: String,
    /// The column the next character is written at, counted in characters.
    column: usize,
}

/// How a YAML scalar is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    Plain,
    Single,
    Double,
}

impl YamlWriter {
    fn push(&mut self, s: &str) {
        self.out.push_str(s);
        self.column += s.chars().count();
    }

    fn push_char(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    fn newline(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    fn start_line(&mut self, indent: usize) {
        if !self.out.is_empty() {
            self.newline();
        }
        self.pad_to(indent);
    }

    fn pad_to(&mut self, indent: usize) {
        while self.column < indent {
            self.push_char(' ');
        }
    }

    fn mapping(&mut self, m: &Map<String, Value>, indent: usize, inline: bool) {
        let mut keys: Vec<&String> = m.keys().collect();
        keys.sort();
        for (n, k) in keys.into_iter().enumerate() {
            if n > 0 || !inline {
                self.start_line(indent);
            }
            if k.len() > 128 || k.chars().any(is_yaml_break) {
                // Too long or on several lines for a simple key: `? key` then `: value`.
                self.push("? ");
                self.string(k, false, indent + 2);
                self.start_line(indent);
                self.push(": ");
                match m.get(k) {
                    Some(Value::Object(c)) if c.is_empty() => self.push("{}"),
                    Some(Value::Array(c)) if c.is_empty() => self.push("[]"),
                    Some(Value::Object(c)) => self.mapping(c, indent + 2, true),
                    Some(Value::Array(c)) => self.sequence(c, indent + 2, true),
                    Some(other) => self.scalar(other, indent + 2),
                    None => {}
                }
                continue;
            }
            self.string(k, true, indent + 2);
            self.push_char(':');
            match m.get(k) {
                Some(Value::Object(c)) if c.is_empty() => self.push(" {}"),
                Some(Value::Array(c)) if c.is_empty() => self.push(" []"),
                Some(Value::Object(c)) => self.mapping(c, indent + 2, false),
                // A list under a key starts at the key's column.
                Some(Value::Array(c)) => self.sequence(c, indent, false),
                Some(other) => {
                    self.push_char(' ');
                    self.scalar(other, indent + 2);
                }
                None => {}
            }
        }
    }

    fn sequence(&mut self, items: &[Value], indent: usize, inline: bool) {
        for (n, item) in items.iter().enumerate() {
            if n > 0 || !inline {
                self.start_line(indent);
            }
            self.push("- ");
            match item {
                Value::Object(c) if c.is_empty() => self.push("{}"),
                Value::Array(c) if c.is_empty() => self.push("[]"),
                Value::Object(c) => self.mapping(c, indent + 2, true),
                Value::Array(c) => self.sequence(c, indent + 2, true),
                other => self.scalar(other, indent + 2),
            }
        }
    }

    fn scalar(&mut self, v: &Value, indent: usize) {
        match v {
            Value::String(s) => self.string(s, false, indent),
            Value::Number(n) if n.is_f64() => {
                // As the YAML dumper writes a float: Python's repr in lower case, with `.0`
                // before an exponent that has no point.
                let r = number(n).to_lowercase();
                let r = if !r.contains('.') && r.contains('e') {
                    r.replacen('e', ".0e", 1)
                } else {
                    r
                };
                self.push(&r);
            }
            Value::Number(n) => self.push(&n.to_string()),
            Value::Bool(b) => self.push(if *b { "true" } else { "false" }),
            _ => self.push("null"),
        }
    }

    /// A string, in the style the YAML emitter picks for it; `key` strings never fold.
    fn string(&mut self, s: &str, key: bool, indent: usize) {
        let chars: Vec<char> = s.chars().collect();
        let breaks = !key;
        match yaml_quoting(&chars, key) {
            Quoting::Plain => self.plain(&chars, breaks, indent),
            Quoting::Single => self.single_quoted(&chars, breaks, indent),
            Quoting::Double => self.double_quoted(&chars, breaks, indent),
        }
    }

    /// Whether the emitter folds at the space at `i`: past the line width, not after
    /// another space, and not before one.
    fn folds_at(&self, chars: &[char], i: usize, breaks: bool, spaces: bool) -> bool {
        breaks && !spaces && self.column > YAML_WIDTH && chars.get(i + 1).is_some_and(|c| *c != ' ')
    }

    fn plain(&mut self, chars: &[char], breaks: bool, indent: usize) {
        let mut spaces = false;
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                if self.folds_at(chars, i, breaks, spaces) {
                    self.newline();
                    self.pad_to(indent);
                } else {
                    self.push_char(c);
                }
                spaces = true;
            } else {
                self.push_char(c);
                spaces = false;
            }
        }
    }

    fn single_quoted(&mut self, chars: &[char], breaks: bool, indent: usize) {
        self.push_char('\'');
        let mut spaces = false;
        let mut after_break = false;
        let last = chars.len().saturating_sub(1);
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                if i != 0 && i != last && self.folds_at(chars, i, breaks, spaces) {
                    self.newline();
                    self.pad_to(indent);
                } else {
                    self.push_char(c);
                }
                spaces = true;
            } else if is_yaml_break(c) {
                // A line break is written as an empty line (folding reads one as a space).
                if !after_break && c == '\n' {
                    self.newline();
                }
                self.newline();
                after_break = true;
            } else {
                if after_break {
                    self.pad_to(indent);
                }
                if c == '\'' {
                    self.push_char('\'');
                }
                self.push_char(c);
                spaces = false;
                after_break = false;
            }
        }
        if after_break {
            self.pad_to(indent);
        }
        self.push_char('\'');
    }

    fn double_quoted(&mut self, chars: &[char], breaks: bool, indent: usize) {
        self.push_char('"');
        let mut spaces = false;
        let last = chars.len().saturating_sub(1);
        for (i, &c) in chars.iter().enumerate() {
            if !yaml_printable(c) || c == '\u{feff}' || is_yaml_break(c) || c == '"' || c == '\\' {
                let esc = match c {
                    '\0' => "\\0".to_string(),
                    '\u{7}' => "\\a".into(),
                    '\u{8}' => "\\b".into(),
                    '\t' => "\\t".into(),
                    '\n' => "\\n".into(),
                    '\u{b}' => "\\v".into(),
                    '\u{c}' => "\\f".into(),
                    '\r' => "\\r".into(),
                    '\u{1b}' => "\\e".into(),
                    '"' => "\\\"".into(),
                    '\\' => "\\\\".into(),
                    '\u{85}' => "\\N".into(),
                    '\u{a0}' => "\\_".into(),
                    '\u{2028}' => "\\L".into(),
                    '\u{2029}' => "\\P".into(),
                    c if (c as u32) <= 0xFF => format!("\\x{:02X}", c as u32),
                    c if (c as u32) <= 0xFFFF => format!("\\u{:04X}", c as u32),
                    c => format!("\\U{:08X}", c as u32),
                };
                self.push(&esc);
                spaces = false;
            } else if c == ' ' {
                if i != 0 && i != last && breaks && !spaces && self.column > YAML_WIDTH {
                    self.newline();
                    self.pad_to(indent);
                    if chars.get(i + 1) == Some(&' ') {
                        self.push_char('\\');
                    }
                } else {
                    self.push_char(c);
                }
                spaces = true;
            } else {
                self.push_char(c);
                spaces = false;
            }
        }
        self.push_char('"');
    }
}

/// The characters a YAML emitter writes as they are (with Unicode allowed).
fn yaml_printable(c: char) -> bool {
    matches!(c as u32, 0x0A | 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD) && c != '\u{feff}'
}

fn is_yaml_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_blank_or_end(c: Option<&char>) -> bool {
    match c {
        None => true,
        Some(c) => *c == ' ' || *c == '\t' || is_yaml_break(*c),
    }
}

/// The style the YAML emitter picks for a string: plain unless its characters forbid it or
/// YAML would read it as something else than a string, then single-quoted unless that is
/// forbidden too, then double-quoted.
fn yaml_quoting(chars: &[char], key: bool) -> Quoting {
    let mut block_ind = false;
    let mut line_breaks = false;
    let mut special = false;
    let (mut leading_space, mut leading_break) = (false, false);
    let (mut trailing_space, mut trailing_break) = (false, false);
    let (mut break_space, mut space_break) = (false, false);
    let (mut prev_space, mut prev_break) = (false, false);
    if chars.starts_with(&['-', '-', '-']) || chars.starts_with(&['.', '.', '.']) {
        block_ind = true;
    }
    let mut preceded_by_ws = true;
    let last = chars.len().saturating_sub(1);
    for (i, &c) in chars.iter().enumerate() {
        let followed_by_ws = is_blank_or_end(chars.get(i + 1));
        if i == 0 {
            match c {
                '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"'
                | '%' | '@' | '`' => block_ind = true,
                '?' | ':' => block_ind |= followed_by_ws,
                '-' if followed_by_ws => block_ind = true,
                _ => {}
            }
        } else {
            // `,?[]{}` inside matter only in flow style, which the AWS CLI does not use.
            match c {
                ':' => block_ind |= followed_by_ws,
                '#' if preceded_by_ws => block_ind = true,
                _ => {}
            }
        }
        if !yaml_printable(c) && !is_yaml_break(c) || c == '\u{feff}' {
            special = true;
        }
        if c == '\r' || c == '\u{85}' {
            special = true;
        }
        if is_yaml_break(c) {
            line_breaks = true;
        }
        if c == ' ' {
            leading_space |= i == 0;
            trailing_space |= i == last;
            break_space |= prev_break;
            prev_space = true;
            prev_break = false;
        } else if is_yaml_break(c) {
            leading_break |= i == 0;
            trailing_break |= i == last;
            space_break |= prev_space;
            prev_break = true;
            prev_space = false;
        } else {
            prev_space = false;
            prev_break = false;
        }
        preceded_by_ws = is_blank_or_end(Some(&c));
    }
    let mut plain = true;
    let mut single = true;
    if leading_space || leading_break || trailing_space || trailing_break {
        plain = false;
    }
    if break_space {
        plain = false;
        single = false;
    }
    if space_break || special {
        plain = false;
        single = false;
    }
    if line_breaks || block_ind {
        plain = false;
    }
    if key && line_breaks {
        return Quoting::Double;
    }
    let text: String = chars.iter().collect();
    if !plain || (chars.is_empty() && key) || resolves_to_other_type(&text) {
        return if single {
            Quoting::Single
        } else {
            Quoting::Double
        };
    }
    Quoting::Plain
}

/// Whether YAML 1.2 (as the AWS CLI's YAML library resolves it) reads `s`, written plain, as
/// a boolean, number, null, timestamp, merge key or value key rather than a string.
fn resolves_to_other_type(s: &str) -> bool {
    matches!(
        s,
        "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
            | ""
            | "~"
            | "null"
            | "Null"
            | "NULL"
            | "<<"
            | "="
    ) || yaml_int(s)
        || yaml_float(s)
        || yaml_timestamp(s)
}

fn strip_sign(s: &str) -> &str {
    s.strip_prefix(['-', '+']).unwrap_or(s)
}

fn all_of(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

/// `[-+]?0b[01_]+ | [-+]?0o?[0-7_]+ | [-+]?[0-9_]+ | [-+]?0x[0-9a-fA-F_]+`
fn yaml_int(s: &str) -> bool {
    let u = strip_sign(s);
    if let Some(b) = u.strip_prefix("0b") {
        return all_of(b, |c| matches!(c, '0' | '1' | '_'));
    }
    if let Some(x) = u.strip_prefix("0x") {
        return all_of(x, |c| c.is_ascii_hexdigit() || c == '_');
    }
    if let Some(o) = u.strip_prefix("0o") {
        return all_of(o, |c| matches!(c, '0'..='7' | '_'));
    }
    all_of(u, |c| c.is_ascii_digit() || c == '_')
}

/// `[-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+]?[0-9]+)? | [-+]?[0-9][0-9_]*[eE][-+]?[0-9]+ |
/// [-+]?\.[0-9_]+([eE][-+][0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
fn yaml_float(s: &str) -> bool {
    if matches!(s, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let u = strip_sign(s);
    if matches!(u, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    let digits = |t: &str| all_of(t, |c| c.is_ascii_digit());
    let exponent = |t: &str, sign_required: bool| -> bool {
        match t.strip_prefix(['e', 'E']) {
            Some(e) => match e.strip_prefix(['-', '+']) {
                Some(d) => digits(d),
                None => !sign_required && digits(e),
            },
            None => false,
        }
    };
    let split_exp = |t: &str| -> (usize, bool) {
        match t.find(['e', 'E']) {
            Some(i) => (i, true),
            None => (t.len(), false),
        }
    };
    if let Some(frac) = u.strip_prefix('.') {
        let (i, has_exp) = split_exp(frac);
        let (m, e) = frac.split_at(i);
        return all_of(m, |c| c.is_ascii_digit() || c == '_') && (!has_exp || exponent(e, true));
    }
    if !u.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let (i, has_exp) = split_exp(u);
    let (m, e) = u.split_at(i);
    match m.split_once('.') {
        Some((int, frac)) => {
            all_of(int, |c| c.is_ascii_digit() || c == '_')
                && frac.chars().all(|c| c.is_ascii_digit() || c == '_')
                && (!has_exp || exponent(e, false))
        }
        None => all_of(m, |c| c.is_ascii_digit() || c == '_') && has_exp && exponent(e, false),
    }
}

/// `YYYY-MM-DD`, or `YYYY-M-D` with a time: `[Tt]` or blanks, `H:MM:SS`, an optional
/// fraction and an optional zone (`Z`, `+H`, `+HH:MM`).
fn yaml_timestamp(s: &str) -> bool {
    let mut c = Cursor {
        b: s.as_bytes(),
        i: 0,
    };
    let short = c.digits(4, 4) && c.byte(b'-') && c.digits(2, 2) && c.byte(b'-') && c.digits(2, 2);
    if short && c.done() {
        return true;
    }
    let mut c = Cursor {
        b: s.as_bytes(),
        i: 0,
    };
    let date = c.digits(4, 4) && c.byte(b'-') && c.digits(1, 2) && c.byte(b'-') && c.digits(1, 2);
    let between = c.byte(b'T') || c.byte(b't') || c.blanks() > 0;
    let time = c.digits(1, 2) && c.byte(b':') && c.digits(2, 2) && c.byte(b':') && c.digits(2, 2);
    if !(date && between && time) {
        return false;
    }
    if c.byte(b'.') {
        c.digits(0, usize::MAX);
    }
    c.blanks();
    if c.byte(b'Z') {
        return c.done();
    }
    if c.byte(b'-') || c.byte(b'+') {
        if !c.digits(1, 2) {
            return false;
        }
        if c.byte(b':') && !c.digits(2, 2) {
            return false;
        }
    }
    c.done()
}

/// Reads a string byte by byte for [`yaml_timestamp`].
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    /// Takes `min` to `max` ASCII digits; whether there were at least `min`.
    fn digits(&mut self, min: usize, max: usize) -> bool {
        let start = self.i;
        while self.i - start < max && self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i - start >= min
    }

    /// Takes `c` if it is next.
    fn byte(&mut self, c: u8) -> bool {
        let hit = self.b.get(self.i) == Some(&c);
        self.i += usize::from(hit);
        hit
    }

    /// Takes spaces and tabs; how many.
    fn blanks(&mut self) -> usize {
        let start = self.i;
        while matches!(self.b.get(self.i), Some(b' ' | b'\t')) {
            self.i += 1;
        }
        self.i - start
    }

    fn done(&self) -> bool {
        self.i == self.b.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_widths_round_halves_to_even_as_python_does() {
        assert_eq!(round_half_even(2.5), 2);
        assert_eq!(round_half_even(3.5), 4);
        assert_eq!(round_half_even(2.4), 2);
        assert_eq!(round_half_even(2.6), 3);
    }

    #[test]
    fn yaml_quotes_what_yaml_1_2_reads_as_another_type() {
        for s in [
            "1.5",
            "1e3",
            ".5",
            "-.inf",
            "010",
            "0x1F",
            "2026-01-05",
            "2026-1-5 9:00:00 +9",
        ] {
            assert!(resolves_to_other_type(s), "{s}");
        }
        for s in [
            "1.2.3", "e3", "12:30", "yes", "v1", "2026-01", "0x", "1_000a",
        ] {
            assert!(!resolves_to_other_type(s), "{s}");
        }
    }
}
