#!/usr/bin/env bash
# Times `iamdojo audit --gaad` beside parliament and cloudsplaining (PyPI) on the wide
# generated accounts of issue 18 (`gaad_load generate-wide USERS`: per 5,000 users, 1,000
# roles, 200 groups, 2,000 customer managed policies), one fresh process per run, under GNU
# time: wall clock, user CPU and peak RSS of each. The small account's finding-by-finding
# comparison is run.sh's; this one only measures.
#
#   bash benches/compare/audit/scale.sh [USERS...]     (default: 5000)
#
# Environment: IAMDOJO_AUDIT_COMPARE_DIR (scratch folder, default /tmp/iamdojo-audit-compare;
# its venv is run.sh's and is made the same way when missing), PARLIAMENT_VERSION,
# CLOUDSPLAINING_VERSION, POLICY_SENTRY_VERSION as in run.sh.
# Output: one line per tool and size on standard output, `tool users wall_s user_s rss_mb`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
source "$here/common.sh" scale.sh
sizes=("${@:-5000}")
command -v /usr/bin/time >/dev/null || { echo "scale.sh: needs GNU time (Debian package time)" >&2; exit 2; }

log "cargo build --release --bin iamdojo --example gaad_load"
(cd "$repo" && cargo build --release --quiet --bin iamdojo --example gaad_load)
bin="$repo/target/release/iamdojo"

source "$here/peers.sh"

# One run under GNU time: prints `tool users wall user rss_mb`; the tool's exit status is
# not judged (audits exit 1 when they find something).
measure() {
  local tool="$1" users="$2"; shift 2
  /usr/bin/time -f "%e %U %M" -o "$scratch/time.txt" "$@" > "$scratch/$tool-$users.out" 2> "$scratch/$tool-$users.err" || true
  read -r wall user kb < <(tail -n 1 "$scratch/time.txt")
  printf '%s %s %s %s %s\n' "$tool" "$users" "$wall" "$user" "$((kb / 1000))"
}

for n in "${sizes[@]}"; do
  gaad="$scratch/gaad-wide-$n.json"
  [ -s "$gaad" ] || { log "generate-wide $n"; "$repo/target/release/examples/gaad_load" generate-wide "$n" "$gaad" >&2; }
  # A tenth of the generated documents are URL-encoded strings, as the IAM API returns them;
  # cloudsplaining reads only documents that are JSON objects (as the AWS CLI prints them), so
  # every tool is given the same account with each document decoded.
  objects="$scratch/gaad-wide-$n.objects.json"
  [ -s "$objects" ] || { log "decode the URL-encoded documents of $gaad"; "$py" - "$gaad" "$objects" <<'PY'
import json, sys, urllib.parse
def decode(v):
    return json.loads(urllib.parse.unquote(v)) if isinstance(v, str) else v
d = json.load(open(sys.argv[1]))
for key, lists in (("UserDetailList", ("UserPolicyList",)), ("GroupDetailList", ("GroupPolicyList",)), ("RoleDetailList", ("RolePolicyList",))):
    for e in d.get(key, []):
        for l in lists:
            for p in e.get(l) or []:
                p["PolicyDocument"] = decode(p["PolicyDocument"])
        if "AssumeRolePolicyDocument" in e:
            e["AssumeRolePolicyDocument"] = decode(e["AssumeRolePolicyDocument"])
for p in d.get("Policies", []):
    for v in p.get("PolicyVersionList") or []:
        v["Document"] = decode(v["Document"])
json.dump(d, open(sys.argv[2], "w"), indent=4)
PY
  }
  gaad="$objects"
  measure iamdojo "$n" "$bin" audit --gaad "$gaad" --format json
  measure parliament "$n" "$scratch/venv/bin/parliament" --auth-details-file "$gaad" --json
  measure parliament-community "$n" "$scratch/venv/bin/parliament" --auth-details-file "$gaad" --json --include-community-auditors
  rm -rf "$scratch/cloudsplaining-$n" && mkdir -p "$scratch/cloudsplaining-$n"
  measure cloudsplaining "$n" "$scratch/venv/bin/cloudsplaining" scan --input-file "$gaad" --output "$scratch/cloudsplaining-$n" --skip-open-report --flag-trust-policies
done
