#!/usr/bin/env bash
# Compares `iamdojo audit --gaad` with parliament and cloudsplaining (PyPI) on one generated
# `aws iam get-account-authorization-details` file (~300 users, ~80 roles, planted mistakes),
# and times each tool (best of 3 wall-clock runs of the whole invocation, own process each).
# Also runs `iamdojo validate-policy` on every customer managed and inline policy document,
# since parliament lints documents one by one.
#
#   bash benches/compare/audit/run.sh
#
# Environment:
#   IAMDOJO_AUDIT_COMPARE_DIR  scratch folder for the venv, the GAAD file and the outputs
#                              (default /tmp/iamdojo-audit-compare; must be outside the repository)
#   PARLIAMENT_VERSION         PyPI version of parliament (default 1.6.4)
#   CLOUDSPLAINING_VERSION     PyPI version of cloudsplaining (default 0.9.1)
#   POLICY_SENTRY_VERSION      PyPI version of policy-sentry, cloudsplaining's action database
#                              (default 0.15.2)
#   IAMDOJO_BIN                use this iamdojo binary as is (default: target/release/iamdojo,
#                              built first when missing or older than the sources)
# Output: $IAMDOJO_AUDIT_COMPARE_DIR/results.json, comparison.md, planted.json, gaad.json and
# the summary on standard output. (parliament itself also writes /tmp/parliament.log on every call.)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
source "$here/common.sh" run.sh
now="2026-03-01T00:00:00Z" # the generator's clock (gen_gaad.py NOW), for role ages
export PYTHONDONTWRITEBYTECODE=1 # no __pycache__ beside the drivers in the repository

# 1. iamdojo, built once (only when the binary is missing or older than a source file).
bin="${IAMDOJO_BIN:-$repo/target/release/iamdojo}"
if [ -z "${IAMDOJO_BIN:-}" ] && { [ ! -x "$bin" ] || [ -n "$(find "$repo/src" "$repo/Cargo.toml" "$repo/Cargo.lock" -newer "$bin" -print -quit)" ]; }; then
  log "cargo build --release"
  (cd "$repo" && cargo build --release --quiet)
fi

# 2. The peers, pinned, in a venv of the scratch folder (peers.sh).
source "$here/peers.sh"

# 3. The account: GAAD file, planted mistakes, and its policy documents one per file.
log "generating $scratch/gaad.json"
"$py" "$here/gen_gaad.py" "$repo/assets/managed-policies" "$scratch"
"$py" -c 'import sys; sys.path.insert(0, sys.argv[1]); from common import write_documents; write_documents(sys.argv[2], sys.argv[3])' \
  "$here/drivers" "$scratch/gaad.json" "$scratch/policies"

# 4. The three tools.
log "iamdojo audit + validate-policy ($bin)"
"$py" "$here/drivers/iamdojo.py" "$bin" "$scratch/gaad.json" "$now" "$scratch/policies" "$scratch/iamdojo.json"
log "cloudsplaining scan"
"$py" "$here/drivers/cloudsplaining.py" "$scratch/venv/bin" "$scratch/gaad.json" "$scratch/cloudsplaining-out" "$scratch/cloudsplaining.json"
log "parliament (GAAD runs, then one process per document)"
"$py" "$here/drivers/parliament.py" "$scratch/venv/bin" "$scratch/gaad.json" "$scratch/policies" "$scratch/parliament.json"

# 5. Comparison and summary.
"$py" "$here/report.py" "$scratch"
echo
echo "machine-readable result: $scratch/results.json (tables: $scratch/comparison.md)"
