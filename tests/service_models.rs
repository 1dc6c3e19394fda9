//! The command table against AWS's bundled service models (`assets/aws-models.json.gz`):
//! every model-backed command is listed for the generator and takes its flags from the model
//! only; iamdojo's flag names are botocore's; and every simulated command's JSON answer fits
//! its operation's output shape (no key outside it, every required member, every type and
//! enumeration right).

use std::collections::BTreeSet;

use iamdojo::account::command::{Spec, commands, model_of};
use iamdojo::account::scenario;
use iamdojo::account::service_model::{Kind, Service, ShapeId, models, xform_name};
use serde_json::Value;

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// `service Operation` lines of `assets/gen/simulated-operations.txt`.
fn listed() -> BTreeSet<(String, String)> {
    std::fs::read_to_string(root().join("assets/gen/simulated-operations.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (s, o) = l.split_once(' ').unwrap();
            (s.to_string(), o.trim().to_string())
        })
        .collect()
}

#[test]
fn every_model_backed_command_is_listed_and_bundled() {
    let m = models().expect("the bundled models load");
    let listed = listed();
    let mut backed = BTreeSet::new();
    for spec in commands() {
        // A service the bundle has is a service of AWS's model: each of its commands is an
        // operation of it, except the AWS CLI's own customizations (`s3 ls` is under `s3`,
        // which is not a service of the model).
        if m.service(spec.service).is_none() {
            continue;
        }
        // The CLI's own commands of a service of the model (`ec2 wait`) call an operation
        // without being it: their flags are the CLI's, not the operation's.
        if spec.service == "ec2" && spec.name == "wait" {
            continue;
        }
        let key = (spec.service.to_string(), spec.operation.to_string());
        assert!(
            listed.contains(&key),
            "{} {} ({}) is not in assets/gen/simulated-operations.txt: add it and regenerate",
            spec.service,
            spec.name,
            spec.operation
        );
        assert!(
            model_of(&spec).is_some(),
            "{} {}: the bundle lacks {}: regenerate assets/aws-models.json.gz",
            spec.service,
            spec.name,
            spec.operation
        );
        assert_eq!(
            xform_name(spec.operation),
            spec.name,
            "the CLI's name of {} is not `{}`",
            spec.operation,
            spec.name
        );
        backed.insert(key);
    }
    let extra: Vec<_> = listed.difference(&backed).collect();
    assert!(extra.is_empty(), "listed but not simulated: {extra:?}");
}

#[test]
fn model_backed_commands_have_no_hand_written_params() {
    let hand: Vec<String> = commands()
        .iter()
        .filter(|s: &&Spec| model_of(s).is_some() && !s.params.is_empty())
        .map(|s| format!("{} {}", s.service, s.name))
        .collect();
    assert!(
        hand.is_empty(),
        "these commands' flags come from AWS's model; give them `params: &[]`: {hand:?}"
    );
}

#[test]
fn flag_names_are_botocores() {
    let text = std::fs::read_to_string(root().join("tests/data/models/xform.txt")).unwrap();
    let mut n = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (member, flag) = line.split_once(' ').unwrap();
        assert_eq!(xform_name(member), flag, "{member}");
        n += 1;
    }
    assert!(n > 500, "only {n} names checked");
}

/// Why `v` does not fit `shape`, one line per fault, each with its JSON path.
fn fit(svc: &Service, shape: ShapeId, v: &Value, path: &str, faults: &mut Vec<String>) {
    let s = svc.shape(shape);
    let mut fault = |what: String| faults.push(format!("{path}: {what}"));
    match (&s.kind, v) {
        (Kind::Structure { document: true, .. }, _) => {}
        (
            Kind::Structure {
                members, required, ..
            },
            Value::Object(m),
        ) => {
            for r in required {
                if !m.contains_key(r) {
                    fault(format!("lacks the required member {r}"));
                }
            }
            for (k, x) in m {
                match members.iter().find(|mm| &mm.name == k) {
                    Some(mm) => fit(svc, mm.shape, x, &format!("{path}.{k}"), faults),
                    None => faults.push(format!("{path}: {k} is not in the shape {}", s.name)),
                }
            }
        }
        (Kind::List(member), Value::Array(items)) => {
            for (i, x) in items.iter().enumerate() {
                fit(svc, *member, x, &format!("{path}[{i}]"), faults);
            }
        }
        (Kind::Map { value, .. }, Value::Object(m)) => {
            for (k, x) in m {
                fit(svc, *value, x, &format!("{path}.{k}"), faults);
            }
        }
        // The CLI prints IAM's policy documents as JSON, not as the URL-encoded text the
        // service sends: botocore decodes every `policyDocumentType` member of IAM's answers
        // (its `json_decode_policies` handler, botocore/handlers.py).
        (Kind::String, Value::Object(_)) if s.name == "policyDocumentType" => {}
        (Kind::String, Value::String(x)) => {
            if !s.enumeration.is_empty() && !s.enumeration.contains(x) {
                fault(format!("`{x}` is not one of {:?}", s.enumeration));
            }
        }
        (Kind::Integer | Kind::Long, Value::Number(n)) if n.is_i64() || n.is_u64() => {}
        (Kind::Double, Value::Number(_)) => {}
        (Kind::Boolean, Value::Bool(_)) => {}
        (Kind::Timestamp, Value::String(x)) => {
            if x.parse::<jiff::Timestamp>().is_err() {
                fault(format!("`{x}` is not a time"));
            }
        }
        (Kind::Blob { .. }, Value::String(_)) => {}
        (kind, v) => fault(format!("{v} is not a {kind:?} ({})", s.name)),
    }
}

/// Commands whose answers do not fit their shapes yet, by command prefix, with the helper
/// whose work this session fixes them (F: EC2 and S3 shapes; G: CloudWatch, CloudTrail,
/// GuardDuty and Budgets fields); the lead removes this list at merge. Today every case fits,
/// so it is empty; every case not listed must fit.
const PENDING: &[(&str, &str)] = &[];

#[test]
fn every_answer_fits_its_output_shape() {
    let dir = root().join("tests/data/scenarios");
    let mut sb = scenario::load_file(&dir.join("startup-incident.yaml"))
        .unwrap()
        .sandbox;
    sb.run("wait 3h");
    let table = commands();
    let text = std::fs::read_to_string(root().join("tests/data/models/outputs.txt")).unwrap();
    let mut failures = Vec::new();
    let mut pending = Vec::new();
    let mut checked = BTreeSet::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        // `capture VAR MARKER | COMMAND` runs a command that fails as intended and keeps the
        // rest of its error after MARKER in $VAR (EC2's encoded authorization message).
        if let Some(rest) = line.strip_prefix("capture ") {
            let (var, rest) = rest.split_once(' ').unwrap();
            let (marker, cmd) = rest.split_once(" | ").unwrap();
            let out = sb.run(cmd);
            let (_, after) = out
                .stderr
                .split_once(marker)
                .unwrap_or_else(|| panic!("{cmd}: no `{marker}` in {}", out.stderr));
            let set = sb.run(&format!("{var}={}", after.trim()));
            assert_eq!(set.code, 0, "{line}: {}", set.stderr);
            continue;
        }
        // `scenario NAME` goes on in the scenario `tests/data/scenarios/NAME`.
        if let Some(name) = line.strip_prefix("scenario ") {
            sb = scenario::load_file(&dir.join(name.trim())).unwrap().sandbox;
            continue;
        }
        // `fresh` goes on in a new, empty account (for what the scenario's account has).
        if line == "fresh" {
            sb = iamdojo::account::command::Sandbox::new(iamdojo::account::Account::new(
                "111122223333",
                1,
            ));
            continue;
        }
        let out = sb.run(line);
        if !line.starts_with("aws ") || line.starts_with("aws configure ") {
            assert_eq!(out.code, 0, "{line}: {}", out.stderr);
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let spec = table
            .iter()
            .find(|s| words.get(1) == Some(&s.service) && words.get(2) == Some(&s.name))
            .unwrap_or_else(|| panic!("no command for `{line}`"));
        let (svc, op) = model_of(spec).unwrap();
        let mut faults = Vec::new();
        if out.code != 0 {
            faults.push(format!("failed: {}", out.stderr.trim()));
        } else if let Some(shape) = op.output {
            match serde_json::from_str::<Value>(&out.stdout) {
                Ok(v) => fit(svc, shape, &v, "", &mut faults),
                // An answer with no body prints nothing.
                Err(_) if out.stdout.is_empty() => {}
                Err(e) => faults.push(format!("not JSON ({e}): {}", out.stdout)),
            }
        }
        checked.insert((spec.service, spec.operation));
        if !faults.is_empty() {
            let report = format!("{line}\n  {}", faults.join("\n  "));
            match PENDING
                .iter()
                .find(|(p, _)| line.starts_with(&format!("{p} ")))
            {
                Some((_, who)) => pending.push(format!("[helper {who}] {report}")),
                None => failures.push(report),
            }
        }
    }
    if !pending.is_empty() {
        eprintln!("pending (other helpers' work):\n{}", pending.join("\n"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every command whose operation AWS's model has is among the cases.
    for spec in &table {
        if model_of(spec).is_some() && !checked.contains(&(spec.service, spec.operation)) {
            failures.push(format!("{} {}", spec.service, spec.name));
        }
    }
    let missing: Vec<&String> = failures.iter().collect();
    assert!(missing.is_empty(), "no case runs: {missing:?}");
}
