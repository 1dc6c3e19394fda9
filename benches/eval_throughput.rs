//! Decisions per second on the comparison workloads of `benches/compare/eval/`, measured in
//! process the same way the peers' drivers measure theirs: the policies are loaded once, 1,000
//! distinct requests per (action, resource template) pair are built beforehand, and a loop
//! decides them in turn for a fixed time after a warm-up. The policies and requests go through
//! the same code as `simulate-custom-policy` (`Simulation::prepare`, `Simulation::request`).
//!
//! ```sh
//! cargo build --release --example eval_throughput
//! target/release/examples/eval_throughput WORKLOADS.json OUT.json [SECONDS]
//! ```
//! (`benches/compare/eval/run.sh` writes `WORKLOADS.json` and runs this for you.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::panic,
    reason = "a measuring tool on fixed inputs; a panic is a broken measurement"
)]

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use iamdojo::eval::simulate::{SimulateInput, Simulation};
use iamdojo::eval::{Request, evaluate};
use serde_json::{Value, json};

/// The same allocator as the binary, so that the numbers are the product's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const DISTINCT: usize = 1_000;

/// The time this thread has been on a CPU (Linux's `/proc/thread-self/schedstat`, in ns), so
/// that decisions per second of CPU can be given beside the wall clock's on a shared machine.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn fill(template: &str, n: usize) -> String {
    template
        .replace("{n:017x}", &format!("{n:017x}"))
        .replace("{n}", &n.to_string())
}

fn input(w: &Value) -> Result<SimulateInput, String> {
    let policies: Vec<Value> = w["policies"]
        .as_array()
        .ok_or("workload without `policies`")?
        .iter()
        .map(|p| Value::String(p.to_string()))
        .collect();
    let context: Vec<Value> = w["context"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| {
                    json!({"ContextKeyName": k, "ContextKeyValues": [v["value"]],
                           "ContextKeyType": v["type"]})
                })
                .collect()
        })
        .unwrap_or_default();
    serde_json::from_value(json!({
        "PolicyInputList": policies,
        "CallerArn": w["caller"],
        "ContextEntries": context,
    }))
    .map_err(|e| e.to_string())
}

fn measure(w: &Value, seconds: f64) -> Result<Value, String> {
    let sim = Simulation::prepare(&input(w)?).map_err(|e| e.to_string())?;
    let pairs: Vec<(String, String)> = w["pairs"]
        .as_array()
        .ok_or("workload without `pairs`")?
        .iter()
        .filter_map(|p| Some((p[0].as_str()?.to_string(), p[1].as_str()?.to_string())))
        .collect();
    let mut requests: Vec<Request> = Vec::with_capacity(DISTINCT * pairs.len());
    for n in 0..DISTINCT {
        for (action, template) in &pairs {
            requests.push(sim.request(action, &fill(template, n)));
        }
    }
    let decisions: Vec<&str> = pairs
        .iter()
        .map(|(a, t)| sim.decide(a, &fill(t, 0)).outcome.as_str())
        .collect();
    // Warm-up, then count decisions in a fixed time, checking the clock every 1,000.
    for r in requests.iter().take(20_000) {
        black_box(evaluate(black_box(r), &sim.set));
    }
    let limit = Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let cpu_start = cpu_ns();
    let mut count = 0usize;
    let elapsed = loop {
        for _ in 0..1_000 {
            black_box(evaluate(
                black_box(&requests[count % requests.len()]),
                &sim.set,
            ));
            count += 1;
        }
        let e = start.elapsed();
        if e >= limit {
            break e;
        }
    };
    let per_s = count as f64 / elapsed.as_secs_f64();
    let cpu_seconds = cpu_start
        .zip(cpu_ns())
        .map(|(a, b)| b.saturating_sub(a) as f64 / 1e9);
    Ok(json!({
        "decisions": count,
        "seconds": elapsed.as_secs_f64(),
        "decisions_per_s": per_s,
        "cpu_seconds": cpu_seconds,
        "decisions_per_cpu_s": cpu_seconds.map(|c| count as f64 / c),
        "method": format!("in process: policies loaded once, {} pre-built requests decided in turn for {seconds} s", requests.len()),
        "pair_decisions": decisions,
    }))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(workloads), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: eval_throughput WORKLOADS.json OUT.json [SECONDS]");
        return ExitCode::from(2);
    };
    let seconds: f64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3.0);
    let run = || -> Result<Value, String> {
        let text = std::fs::read_to_string(workloads).map_err(|e| format!("{workloads}: {e}"))?;
        let all: serde_json::Map<String, Value> =
            serde_json::from_str(&text).map_err(|e| format!("{workloads}: {e}"))?;
        let mut res = serde_json::Map::new();
        for (name, w) in &all {
            let r = measure(w, seconds).map_err(|e| format!("{name}: {e}"))?;
            eprintln!(
                "iamdojo in-process {name}: {:.0} decisions/s ({:.0} per second of CPU)",
                r["decisions_per_s"].as_f64().unwrap_or(0.0),
                r["decisions_per_cpu_s"].as_f64().unwrap_or(0.0)
            );
            res.insert(name.clone(), r);
        }
        Ok(Value::Object(res))
    };
    match run() {
        Ok(v) => match std::fs::write(out, format!("{v:#}")) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("eval_throughput: cannot write `{out}`: {e}");
                ExitCode::from(2)
            }
        },
        Err(e) => {
            eprintln!("eval_throughput: {e}");
            ExitCode::from(1)
        }
    }
}
