//! `--output json|text|table|yaml|yaml-stream` print what the AWS CLI prints.
//!
//! Each case of `tests/cli-formats/cases.json` (answers of iamdojo's sandbox and edge cases
//! written for this test: nested and empty lists, `--query` projections and multi-selects,
//! Japanese text, strings YAML must quote) was printed by the AWS CLI's own formatters into
//! `tests/cli-formats/recorded/` by `tests/cli-formats/record.sh`; this test prints the same
//! answers with iamdojo and compares them byte for byte. The formats are described in
//! <https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-output-format.html>.

use std::path::Path;

use iamdojo::account::output::{Format, Style, render};
use iamdojo::account::query;
use serde_json::Value;

const FORMATS: [(&str, Format); 5] = [
    ("json", Format::Json),
    ("text", Format::Text),
    ("table", Format::Table),
    ("yaml", Format::Yaml),
    ("yaml-stream", Format::YamlStream),
];

fn cases() -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli-formats");
    let text = std::fs::read_to_string(dir.join("cases.json")).expect("cases.json");
    let v: Value = serde_json::from_str(&text).expect("cases.json is JSON");
    v["cases"].as_array().expect("a list of cases").clone()
}

#[test]
fn every_format_prints_what_the_aws_cli_prints() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli-formats/recorded");
    let cases = cases();
    assert!(cases.len() >= 40, "the cases file lost its cases");
    let mut compared = 0;
    let mut wrong = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().expect("name");
        let operation = case["operation"].as_str().expect("operation");
        let response = &case["response"];
        let value = match case["query"].as_str() {
            Some(q) => query::search(&query::compile(q).expect("the query compiles"), response)
                .expect("the query runs"),
            None => response.clone(),
        };
        for (fmt_name, format) in FORMATS {
            let widths: Vec<usize> = match (format, case["widths"].as_array()) {
                (Format::Table, Some(w)) => {
                    w.iter().map(|w| w.as_u64().unwrap() as usize).collect()
                }
                _ => vec![80],
            };
            for width in widths {
                let file = match format {
                    Format::Table => format!("{name}.table-{width}"),
                    _ => format!("{name}.{fmt_name}"),
                };
                let expected = std::fs::read_to_string(dir.join(&file))
                    .unwrap_or_else(|e| panic!("{file}: {e}; run tests/cli-formats/record.sh"));
                let got = render(
                    &value,
                    Style {
                        format,
                        operation,
                        width,
                    },
                );
                compared += 1;
                if got != expected {
                    wrong.push(format!(
                        "--- {file} (the AWS CLI)\n{expected}+++ iamdojo\n{got}"
                    ));
                }
            }
        }
    }
    assert!(compared >= 200, "only {compared} outputs compared");
    assert!(
        wrong.is_empty(),
        "{} of {compared} outputs differ from the AWS CLI's:\n\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
