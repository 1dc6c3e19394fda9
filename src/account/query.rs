//! `--query`: JMESPath over an answer, as the AWS CLI applies it before printing.
//!
//! The `jmespath` crate keeps objects in key order, while the AWS CLI (Python) keeps the
//! order of the answer and of a multi-select hash (`{Name: UserName, Id: UserId}` prints
//! `Name` first), which `json`, `yaml` and `table` show. [`search`] puts each object of the
//! result back in that order.

use std::collections::HashMap;

use jmespath::ast::Ast;
use serde_json::{Map, Value};

/// Compiles a query.
pub fn compile(q: &str) -> Result<jmespath::Expression<'static>, jmespath::JmespathError> {
    jmespath::compile(q)
}

/// Runs a compiled query over an answer; objects keep the order the AWS CLI prints.
pub fn search(expr: &jmespath::Expression<'_>, v: &Value) -> Result<Value, String> {
    let r = expr.search(v).map_err(|e| runtime_message(&e))?;
    let mut result = serde_json::to_value(&*r).map_err(|e| e.to_string())?;
    let mut orders = Orders::default();
    orders.note_ast(expr.as_ast());
    orders.note_value(v);
    orders.apply(&mut result);
    Ok(result)
}

/// Key orders seen in the answer and in the query's multi-select hashes, by their sorted keys.
#[derive(Default)]
struct Orders {
    by_keys: HashMap<Vec<String>, Vec<String>>,
}

impl Orders {
    fn note(&mut self, keys: Vec<String>) {
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        self.by_keys.entry(sorted).or_insert(keys);
    }

    fn note_value(&mut self, v: &Value) {
        match v {
            Value::Object(m) => {
                self.note(m.keys().cloned().collect());
                m.values().for_each(|c| self.note_value(c));
            }
            Value::Array(a) => a.iter().for_each(|c| self.note_value(c)),
            _ => {}
        }
    }

    fn note_ast(&mut self, ast: &Ast) {
        match ast {
            Ast::MultiHash { elements, .. } => {
                self.note(elements.iter().map(|kv| kv.key.clone()).collect());
                elements.iter().for_each(|kv| self.note_ast(&kv.value));
            }
            Ast::MultiList { elements, .. } => elements.iter().for_each(|e| self.note_ast(e)),
            Ast::Function { args, .. } => args.iter().for_each(|e| self.note_ast(e)),
            Ast::Expref { ast: node, .. }
            | Ast::Not { node, .. }
            | Ast::Flatten { node, .. }
            | Ast::ObjectValues { node, .. } => self.note_ast(node),
            Ast::Subexpr { lhs, rhs, .. }
            | Ast::And { lhs, rhs, .. }
            | Ast::Or { lhs, rhs, .. }
            | Ast::Comparison { lhs, rhs, .. }
            | Ast::Projection { lhs, rhs, .. }
            | Ast::Condition {
                predicate: lhs,
                then: rhs,
                ..
            } => {
                self.note_ast(lhs);
                self.note_ast(rhs);
            }
            Ast::Identity { .. }
            | Ast::Field { .. }
            | Ast::Index { .. }
            | Ast::Literal { .. }
            | Ast::Slice { .. } => {}
        }
    }

    fn apply(&self, v: &mut Value) {
        match v {
            Value::Object(m) => {
                let mut sorted: Vec<String> = m.keys().cloned().collect();
                sorted.sort();
                if let Some(order) = self.by_keys.get(&sorted) {
                    let mut old = std::mem::take(m);
                    let mut new = Map::new();
                    for k in order {
                        if let Some((k, v)) = old.remove_entry(k) {
                            new.insert(k, v);
                        }
                    }
                    new.append(&mut old);
                    *m = new;
                }
                m.values_mut().for_each(|c| self.apply(c));
            }
            Value::Array(a) => a.iter_mut().for_each(|c| self.apply(c)),
            _ => {}
        }
    }
}

/// A failed search in the words of Python's `jmespath` package (the AWS CLI's), which finds
/// these only when it runs the query, after the call, as the crate does: an unknown function
/// and a call with the wrong number of arguments. Other failures (a value of the wrong type)
/// keep the crate's wording without its position. Recorded from jmespath 1.0.1 in
/// `tests/data/query-errors.txt` (`assets/gen/record-query-errors.py`).
fn runtime_message(e: &jmespath::JmespathError) -> String {
    use jmespath::{ErrorReason, RuntimeError};
    // The crate's offset is the call's `(`: the function's name is the word before it.
    let name = || {
        let before = e.expression.get(..e.offset).unwrap_or_default();
        let start = before
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(0, |i| i + 1);
        before.get(start..).unwrap_or_default().to_string()
    };
    let arguments = |n: usize| if n == 1 { "argument" } else { "arguments" };
    match &e.reason {
        ErrorReason::Runtime(RuntimeError::UnknownFunction(f)) => {
            format!("Unknown function: {f}()")
        }
        ErrorReason::Runtime(RuntimeError::TooManyArguments { expected, actual }) => format!(
            "Expected {expected} {} for function {}(), received {actual}",
            arguments(*expected),
            name()
        ),
        ErrorReason::Runtime(RuntimeError::NotEnoughArguments { expected, actual }) => {
            let f = name();
            // JMESPath's two variadic functions take at least their fixed arguments.
            let least = if matches!(f.as_str(), "merge" | "not_null") {
                "at least "
            } else {
                ""
            };
            format!(
                "Expected {least}{expected} {} for function {f}(), received {actual}",
                arguments(*expected)
            )
        }
        other => other.to_string(),
    }
}
