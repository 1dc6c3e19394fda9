#!/usr/bin/env bash
# Compares iamdojo's escalation search (IAMDOJO.2 of `iamdojo audit`) with principalmapper's
# privilege-escalation graph on the escalation corpus (tests/data/escalation/corpus/*.yaml and
# tests/data/escalation/chains.gaad.json). See docs/comparisons.md, "Escalation paths: PMapper".
#
#   bash benches/compare/escalation/run.sh
#
# Environment:
#   IAMDOJO_COMPARE_DIR  scratch folder for the virtualenv and the outputs (default
#                        /tmp/iamdojo-compare-escalation; must be outside the repository)
#   PMAPPER_VERSION      PyPI version of principalmapper (default 1.1.5)
#   IAMDOJO_BIN          the iamdojo binary (default target/release/iamdojo, built when missing)
# Output: the table on standard output, $IAMDOJO_COMPARE_DIR/results.json.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
scratch="${IAMDOJO_COMPARE_DIR:-/tmp/iamdojo-compare-escalation}"
pmapper_version="${PMAPPER_VERSION:-1.1.5}"

mkdir -p "$scratch"
scratch="$(cd "$scratch" && pwd)"
case "$scratch/" in
  "$repo"/*) echo "run.sh: the scratch folder $scratch is inside the repository; choose another (IAMDOJO_COMPARE_DIR)" >&2; exit 2 ;;
esac

log() { printf '==> %s\n' "$*" >&2; }

# 1. iamdojo.
bin="${IAMDOJO_BIN:-$repo/target/release/iamdojo}"
if [ ! -x "$bin" ]; then
  if [ -n "${IAMDOJO_BIN:-}" ]; then
    echo "run.sh: IAMDOJO_BIN=$bin is not an executable" >&2; exit 2
  fi
  log "cargo build --release"
  (cd "$repo" && cargo build --release --quiet)
fi
log "iamdojo: $("$bin" --version)"

# 2. principalmapper, pinned, in the scratch virtualenv. Any failure here stops the run.
py="$scratch/venv/bin/python"
if [ ! -x "$py" ]; then
  log "python3 -m venv $scratch/venv"
  python3 -m venv "$scratch/venv"
fi
if ! "$py" -m pip show principalmapper 2>/dev/null | grep -qx "Version: $pmapper_version" ||
   ! "$py" -c 'import yaml' 2>/dev/null; then
  log "pip install principalmapper==$pmapper_version pyyaml"
  "$py" -m pip install --quiet --disable-pip-version-check "principalmapper==$pmapper_version" pyyaml
fi
got="$("$py" -m pip show principalmapper 2>/dev/null | sed -n 's/^Version: //p')"
if [ "$got" != "$pmapper_version" ]; then
  echo "run.sh: principalmapper $pmapper_version is not installed in $scratch/venv (found: ${got:-nothing})" >&2
  exit 2
fi

# 3. What both tools are given, and iamdojo's findings.
log "collecting the corpus with $bin"
"$py" "$here/collect.py" "$bin" "$repo" "$scratch/collected.json"

# 4. principalmapper's graph and privesc paths.
log "principalmapper $pmapper_version"
"$py" "$here/pmapper_driver.py" "$scratch/collected.json" "$scratch/pmapper.json"

# 5. The table.
"$py" "$here/report.py" "$scratch/collected.json" "$scratch/pmapper.json" "$scratch/results.json"
echo
echo "machine-readable result: $scratch/results.json"
