//! Checks a request against its operation's input shape in the two places AWS does:
//! [`client`] is botocore's parameter validation, which the CLI runs before sending anything
//! (required members, types, least lengths and values; "Parameter validation failed:"), and
//! [`server`] is what the service itself refuses (greatest lengths and values, patterns,
//! enumerations; "1 validation error detected: …"). The wording of both is AWS's.

use serde_json::Value;

use crate::account::service_model::{Kind, Service, ShapeId};

/// botocore's report lines for `v` against `shape` (empty: valid).
pub fn client(svc: &Service, shape: ShapeId, v: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(svc, shape, v, "", &mut errors);
    errors
}

fn display(name: &str) -> &str {
    if name.is_empty() {
        "input"
    } else {
        name.strip_prefix('.').unwrap_or(name)
    }
}

fn type_error(name: &str, v: &Value, valid: &str, errors: &mut Vec<String>) {
    errors.push(format!(
        "Invalid type for parameter {}, value: {}, type: {}, valid types: {valid}",
        display(name),
        py_str(v),
        py_type(v)
    ));
}

fn min_check(name: &str, value: f64, min: Option<f64>, length: bool, errors: &mut Vec<String>) {
    if let Some(min) = min
        && value < min
    {
        let (what, n) = if length {
            ("length", "length")
        } else {
            ("value", "value")
        };
        errors.push(format!(
            "Invalid {what} for parameter {}, value: {}, valid min {n}: {}",
            display(name),
            py_num(value),
            py_num(min)
        ));
    }
}

/// A number as Python prints it: whole numbers without a fraction.
fn py_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn is_int(v: &Value) -> bool {
    // Python's bool is an int, so botocore takes `true` for an integer too.
    v.is_i64() || v.is_u64() || v.is_boolean()
}

fn check(svc: &Service, id: ShapeId, v: &Value, name: &str, errors: &mut Vec<String>) {
    let shape = svc.shape(id);
    match &shape.kind {
        Kind::Structure { document: true, .. } => {}
        Kind::Structure {
            members, required, ..
        } => {
            let Some(obj) = v.as_object() else {
                return type_error(name, v, "<class 'dict'>", errors);
            };
            for r in required {
                if !obj.contains_key(r) {
                    errors.push(format!(
                        "Missing required parameter in {}: \"{r}\"",
                        display(name)
                    ));
                }
            }
            for k in obj.keys() {
                if !members.iter().any(|m| &m.name == k) {
                    let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
                    errors.push(format!(
                        "Unknown parameter in {}: \"{k}\", must be one of: {}",
                        display(name),
                        names.join(", ")
                    ));
                }
            }
            for (k, value) in obj {
                if let Some(m) = members.iter().find(|m| &m.name == k) {
                    check(svc, m.shape, value, &format!("{name}.{k}"), errors);
                }
            }
        }
        Kind::List(member) => {
            let Some(items) = v.as_array() else {
                return type_error(name, v, "<class 'list'>, <class 'tuple'>", errors);
            };
            min_check(name, items.len() as f64, shape.min, true, errors);
            for (i, item) in items.iter().enumerate() {
                check(svc, *member, item, &format!("{name}[{i}]"), errors);
            }
        }
        Kind::Map { key, value } => {
            let Some(obj) = v.as_object() else {
                return type_error(name, v, "<class 'dict'>", errors);
            };
            for (k, item) in obj {
                check(
                    svc,
                    *key,
                    &Value::String(k.clone()),
                    &format!("{name} (key: {k})"),
                    errors,
                );
                check(svc, *value, item, &format!("{name}.{k}"), errors);
            }
        }
        Kind::String => match v.as_str() {
            Some(s) => min_check(name, s.chars().count() as f64, shape.min, true, errors),
            None => type_error(name, v, "<class 'str'>", errors),
        },
        Kind::Integer | Kind::Long => {
            if !is_int(v) {
                return type_error(name, v, "<class 'int'>", errors);
            }
            min_check(name, v.as_f64().unwrap_or(0.0), shape.min, false, errors);
        }
        Kind::Double => {
            if !(v.is_number() || v.is_boolean()) {
                return type_error(
                    name,
                    v,
                    "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
                    errors,
                );
            }
            min_check(name, v.as_f64().unwrap_or(0.0), shape.min, false, errors);
        }
        Kind::Boolean => {
            if !v.is_boolean() {
                type_error(name, v, "<class 'bool'>", errors);
            }
        }
        Kind::Timestamp => {
            let ok = v.is_number()
                || v.as_str().is_some_and(|s| {
                    s.parse::<jiff::Timestamp>().is_ok()
                        || s.parse::<jiff::civil::DateTime>().is_ok()
                        || s.parse::<jiff::civil::Date>().is_ok()
                        || s.parse::<f64>().is_ok()
                });
            if !ok {
                type_error(
                    name,
                    v,
                    "<class 'datetime.datetime'>, timestamp-string",
                    errors,
                );
            }
        }
        Kind::Blob { .. } => {
            if !v.is_string() {
                type_error(
                    name,
                    v,
                    "<class 'bytes'>, <class 'bytearray'>, file-like object",
                    errors,
                );
            }
        }
    }
}

/// A value as Python's `str()` shows it.
pub fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.to_string(),
            (None, Some(f)) if f.fract() == 0.0 => format!("{f:.1}"),
            _ => n.to_string(),
        },
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(py_repr).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(m) => format!(
            "{{{}}}",
            m.iter()
                .map(|(k, v)| format!("{}: {}", py_repr(&Value::String(k.clone())), py_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn py_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "<class 'NoneType'>",
        Value::Bool(_) => "<class 'bool'>",
        Value::Number(n) if n.is_f64() => "<class 'float'>",
        Value::Number(_) => "<class 'int'>",
        Value::String(_) => "<class 'str'>",
        Value::Array(_) => "<class 'list'>",
        Value::Object(_) => "<class 'dict'>",
    }
}

/// The service's own refusals of `v`: one line per broken constraint, in the words of AWS's
/// `ValidationError` ("Value 'x' at 'userName' failed to satisfy constraint: Member must …").
/// Paths are the query protocol's (`tags.member.1.value`), as IAM and STS write them.
pub fn server(svc: &Service, shape: ShapeId, v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    constraints(svc, shape, v, "", &mut out);
    out
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn constraints(svc: &Service, id: ShapeId, v: &Value, path: &str, out: &mut Vec<String>) {
    let shape = svc.shape(id);
    let join = |p: &str, k: &str| {
        if p.is_empty() {
            lower_first(k)
        } else {
            format!("{p}.{}", lower_first(k))
        }
    };
    match (&shape.kind, v) {
        (Kind::Structure { members, .. }, Value::Object(obj)) => {
            for m in members {
                if let Some(x) = obj.get(&m.name) {
                    constraints(svc, m.shape, x, &join(path, &m.name), out);
                }
            }
        }
        (Kind::List(member), Value::Array(items)) => {
            if matches!(svc.shape(*member).kind, Kind::String) {
                // A list of strings is refused as one value, its members' rule in brackets:
                // "Value '[Users]' at 'filter' failed to satisfy constraint: Member must
                // satisfy constraint: [Member must satisfy enum value set: […]]".
                let mut inner = Vec::new();
                for item in items {
                    constraints(svc, *member, item, "", &mut inner);
                }
                if let Some(first) = inner.first()
                    && let Some((_, rule)) = first.split_once("failed to satisfy constraint: ")
                {
                    let shown: Vec<String> = items.iter().map(py_str).collect();
                    out.push(format!(
                        "Value '[{}]' at '{path}' failed to satisfy constraint: Member must satisfy constraint: [{rule}]",
                        shown.join(", ")
                    ));
                }
                return;
            }
            for (i, item) in items.iter().enumerate() {
                constraints(svc, *member, item, &format!("{path}.member.{}", i + 1), out);
            }
        }
        (Kind::String, Value::String(s)) => {
            let shown =
                format!("Value '{s}' at '{path}' failed to satisfy constraint: Member must");
            if let Some(max) = shape.max
                && s.chars().count() as f64 > max
            {
                out.push(format!(
                    "{shown} have length less than or equal to {}",
                    py_num(max)
                ));
            }
            if !shape.enumeration.is_empty() && !shape.enumeration.iter().any(|e| e == s) {
                out.push(format!(
                    "{shown} satisfy enum value set: [{}]",
                    shape.enumeration.join(", ")
                ));
            }
            if let (Some(p), Some(re)) = (&shape.pattern, shape.regex())
                && !re.is_match(s)
            {
                out.push(format!("{shown} satisfy regular expression pattern: {p}"));
            }
        }
        (Kind::Integer | Kind::Long | Kind::Double, Value::Number(n)) => {
            if let (Some(max), Some(x)) = (shape.max, n.as_f64())
                && x > max
            {
                out.push(format!(
                    "Value '{n}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {}",
                    py_num(max)
                ));
            }
        }
        _ => {}
    }
}
