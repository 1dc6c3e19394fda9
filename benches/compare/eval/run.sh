#!/usr/bin/env bash
# Compares iamdojo's evaluator with @cloud-copilot/iam-simulate (npm) and principalmapper
# (PyPI) on every case of tests/data/eval/*.yaml, and measures decisions per second on three
# workloads. See docs/comparisons.md.
#
#   bash benches/compare/eval/run.sh
#
# Environment:
#   IAMDOJO_COMPARE_DIR   scratch folder for the peers and the outputs (default
#                         /tmp/iamdojo-compare; must be outside the repository)
#   IAM_SIMULATE_VERSION  npm version of @cloud-copilot/iam-simulate (default 0.1.173)
#   PMAPPER_VERSION       PyPI version of principalmapper (default 1.1.5)
#   PEER_BENCH_SECONDS    seconds per timed loop in each peer and in iamdojo's in-process
#                         measurement (default 3)
#   IAMDOJO_BENCH_BATCH   decisions per workload in iamdojo's big CLI batches (default 100000)
#   SKIP_BENCH=1          agreement only
# Output: $IAMDOJO_COMPARE_DIR/results.json and the summary on standard output.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
scratch="${IAMDOJO_COMPARE_DIR:-/tmp/iamdojo-compare}"
iam_simulate_version="${IAM_SIMULATE_VERSION:-0.1.173}"
pmapper_version="${PMAPPER_VERSION:-1.1.5}"

mkdir -p "$scratch"
scratch="$(cd "$scratch" && pwd)"
case "$scratch/" in
  "$repo"/*) echo "run.sh: the scratch folder $scratch is inside the repository; choose another (IAMDOJO_COMPARE_DIR)" >&2; exit 2 ;;
esac

log() { printf '==> %s\n' "$*" >&2; }

# 1. iamdojo, built once (only when the binary is missing or older than a source file).
bin="$repo/target/release/iamdojo"
if [ ! -x "$bin" ] || [ -n "$(find "$repo/src" "$repo/Cargo.toml" "$repo/Cargo.lock" -newer "$bin" -print -quit)" ]; then
  log "cargo build --release"
  (cd "$repo" && cargo build --release --quiet)
fi

# 2. The peers, in the scratch folder.
if [ ! -f "$scratch/node_modules/@cloud-copilot/iam-simulate/package.json" ] ||
   ! grep -q "\"version\": \"$iam_simulate_version\"" "$scratch/node_modules/@cloud-copilot/iam-simulate/package.json"; then
  log "npm install @cloud-copilot/iam-simulate@$iam_simulate_version"
  [ -f "$scratch/package.json" ] || (cd "$scratch" && npm init -y >/dev/null)
  (cd "$scratch" && npm install --no-audit --no-fund --silent "@cloud-copilot/iam-simulate@$iam_simulate_version")
fi
if [ ! -x "$scratch/venv/bin/python" ]; then
  log "python3 -m venv $scratch/venv"
  python3 -m venv "$scratch/venv"
fi
if ! "$scratch/venv/bin/python" -m pip show principalmapper 2>/dev/null | grep -qx "Version: $pmapper_version" ||
   ! "$scratch/venv/bin/python" -c 'import yaml' 2>/dev/null; then
  log "pip install principalmapper==$pmapper_version pyyaml"
  "$scratch/venv/bin/python" -m pip install --quiet --disable-pip-version-check "principalmapper==$pmapper_version" pyyaml
fi
py="$scratch/venv/bin/python"

# 3. Cases and workloads, converted once.
log "reading $repo/tests/data/eval/*.yaml"
"$py" "$here/cases.py" "$repo/tests/data/eval" "$scratch/cases.json"
"$py" "$here/workloads.py" "$repo/assets/managed-policies/ReadOnlyAccess.json" "$scratch/workloads.json"

# 4. Agreement.
log "iamdojo (release binary, --cli-input-json)"
"$py" "$here/iamdojo_driver.py" cases "$bin" "$scratch/cases.json" "$scratch/iamdojo.json"
log "iam-simulate"
node "$here/iam_simulate_driver.cjs" cases "$scratch" "$scratch/cases.json" "$scratch/iam-simulate.json"
log "principalmapper"
"$py" "$here/pmapper_driver.py" cases "$scratch/cases.json" "$scratch/pmapper.json"

# 5. Speed.
rm -f "$scratch"/*-bench.json
if [ "${SKIP_BENCH:-0}" != 1 ]; then
  log "speed: iamdojo in process (examples/eval_throughput)"
  (cd "$repo" && cargo build --release --quiet --example eval_throughput)
  "$repo/target/release/examples/eval_throughput" "$scratch/workloads.json" \
    "$scratch/iamdojo-inprocess-bench.json" "${PEER_BENCH_SECONDS:-3}"
  log "speed: iamdojo CLI"
  "$py" "$here/iamdojo_driver.py" bench "$bin" "$scratch/workloads.json" "$scratch/iamdojo-bench.json"
  log "speed: iam-simulate"
  node "$here/iam_simulate_driver.cjs" bench "$scratch" "$scratch/workloads.json" "$scratch/iam-simulate-bench.json"
  log "speed: principalmapper"
  "$py" "$here/pmapper_driver.py" bench "$scratch/workloads.json" "$scratch/pmapper-bench.json"
fi

# 6. Summary.
"$py" "$here/report.py" "$scratch" "$scratch/results.json"
echo
echo "machine-readable result: $scratch/results.json"
