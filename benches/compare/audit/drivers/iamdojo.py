#!/usr/bin/env python3
"""Runs `iamdojo audit --gaad` (best of 3) and `iamdojo validate-policy` on every policy
document of the account (one process per document; the whole loop best of 3), and writes
their findings in the common shape.

Usage: iamdojo.py BIN GAAD NOW POLICY_DIR OUT.json
POLICY_DIR holds the documents written by common.write_documents (NNN.json + index).
"""
import json
import os
import re
import subprocess
import sys
import time

from common import finding, save, timed

LINT = ("IAMDOJO.10", "IAMDOJO.11", "IAMDOJO.12")  # one policy's validate-policy findings
ACTION = re.compile(r"\b[a-z0-9-]+:[A-Za-z*][A-Za-z0-9*]*\b")


def audit(binary, gaad, now):
    cmd = [binary, "audit", "--gaad", gaad, "--format", "json", "--now", now]
    seconds, res = timed(cmd)
    out = []
    for f in json.loads(res.stdout)["findings"]:
        ev = f["evidence"]
        if f["control"] in LINT:
            # "policy NAME: CODE (line N): …; CODE (line N): …" or "inline policy NAME of …":
            # one policy's validate-policy findings, kept with the policy and the codes.
            label, _, rest = ev.partition(": ")
            m = re.search(r"policy (\S+)", label)
            codes = sorted(set(re.findall(r"\b([A-Z][A-Z_]+) \(line \d+\)", rest)))
            out.append(finding("iamdojo", f["control"], f["resource"], m.group(1) if m else None,
                               ACTION.findall(rest), f"{f['severity']} {' '.join(codes)}: {rest}")
                       | {"codes": codes})
            continue
        # IAMDOJO.2 names the permission used in parentheses; IAMDOJO.10 quotes the entry.
        acts = ACTION.findall(ev) if f["control"] in ("IAMDOJO.2", "IAMDOJO.10", "IAM.21") else []
        acts += re.findall(r"`([^`]+)`", ev) if f["control"] == "IAMDOJO.10" else []
        out.append(finding("iamdojo", f["control"], f["resource"], None, acts,
                           f"{f['severity']} {f['title']}: {ev}"))
    return cmd, seconds, out, res.stderr


def validate_all(binary, policy_dir):
    with open(policy_dir.rstrip("/") + "-index.json") as f:
        index = json.load(f)
    files = sorted(index)

    def run_all():
        return {n: subprocess.run(
            [binary, "validate-policy", "--policy-document",
             "file://" + os.path.join(policy_dir, n), "--policy-type", "IDENTITY_POLICY"],
            capture_output=True, text=True) for n in files}

    seconds = []
    for _ in range(3):
        t = time.perf_counter()
        results = run_all()
        seconds.append(round(time.perf_counter() - t, 4))
    out = []
    for n in files:
        res, ix = results[n], index[n]
        if res.returncode not in (0, 1):
            out.append(finding("iamdojo validate-policy", "UNREADABLE", ix["target"],
                               ix["policy"], [], res.stderr))
            continue
        for f in json.loads(res.stdout)["findings"]:
            quoted = re.findall(r"`([^`]+)`", f["findingDetails"])
            out.append(finding("iamdojo validate-policy", f"{f['findingType']}:{f['issueCode']}",
                               ix["target"], ix["policy"], quoted, f["findingDetails"]))
    return seconds, len(files), out


def main():
    binary, gaad, now, policy_dir, out_path = sys.argv[1:6]
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    cmd, a_seconds, a_findings, warnings = audit(binary, gaad, now)
    v_seconds, n_docs, v_findings = validate_all(binary, policy_dir)
    save(out_path, {
        "tool": "iamdojo", "version": version,
        "runs": {
            "audit": {"command": " ".join(cmd), "seconds": a_seconds, "best": min(a_seconds),
                      "stderr": warnings.strip().splitlines()},
            "validate-policy": {"command": f"{binary} validate-policy --policy-document file://NNN.json "
                                           f"--policy-type IDENTITY_POLICY   (x{n_docs} documents)",
                                "seconds": v_seconds, "best": min(v_seconds), "documents": n_docs},
        },
        "findings": a_findings + v_findings,
    })


if __name__ == "__main__":
    main()
