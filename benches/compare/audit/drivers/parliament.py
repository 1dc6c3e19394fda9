#!/usr/bin/env python3
"""Runs parliament on the GAAD file and on each policy document, and writes its findings in
the common shape.

Usage: parliament.py VENV_BIN GAAD POLICY_DIR OUT.json

Runs, each a fresh `parliament` process:
  gaad           --auth-details-file GAAD --json                    (best of 3)
  gaad+community --auth-details-file GAAD --json --include-community-auditors (best of 3)
  per-document   --string DOC --json --include-community-auditors, once per document of
                 POLICY_DIR (two at a time; timed once)
The GAAD run skips AWS managed policies and, for customer managed ones, runs no community
auditor (only inline policies get them). It also names the wrong policy for findings that
carry no position (NO_VERSION, RESOURCE_POLICY_PRIVILEGE_ESCALATION, ...): every such
finding of one process shares one location object. The per-document runs give every
finding its true document, so they are the list compared; each is marked with whether the
GAAD run reported it, and GAAD-run findings that name another document are listed.
"""
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from common import finding, save, timed


def parse(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip().startswith("{")]


def key(f):
    """What identifies a finding inside one document (its position and detail)."""
    loc = {k: sorted(v) if k == "actions" else v  # built from sets: order varies per run
           for k, v in f.get("location", {}).items() if k != "filepath"}
    return f["issue"], json.dumps(f.get("detail"), sort_keys=True), json.dumps(loc, sort_keys=True)


def actions_of(f):
    loc, det = f.get("location", {}), f.get("detail")
    acts = list(loc.get("actions", []))
    if loc.get("string"):
        acts.append(loc["string"])
    if isinstance(det, list):
        acts += [d if isinstance(d, str) else d.get("action", "") for d in det]
    return [a for a in acts if a]


def text_of(f):
    det = f.get("detail")
    if isinstance(det, list):
        det = ", ".join(d if isinstance(d, str) else json.dumps(d) for d in det[:8]) + (
            f" ... ({len(det)} in all)" if len(det) > 8 else "")
    extra = f.get("location", {}).get("type", "")
    return f"{f['severity']} {f['title']}{': ' + extra if extra else ''}{': ' + det if det else ''}"


def main():
    venv_bin, gaad, policy_dir, out_path = sys.argv[1:5]
    exe = os.path.join(venv_bin, "parliament")
    version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip()
    runs = {}
    plain_cmd = [exe, "--auth-details-file", gaad, "--json"]
    secs, res = timed(plain_cmd)
    runs["gaad"] = {"command": " ".join(plain_cmd), "seconds": secs, "best": min(secs),
                    "count": len(parse(res.stdout))}
    cmd = plain_cmd + ["--include-community-auditors"]
    secs, res = timed(cmd)
    gaad_findings = parse(res.stdout)
    runs["gaad+community"] = {"command": " ".join(cmd), "seconds": secs, "best": min(secs),
                              "count": len(gaad_findings)}

    with open(policy_dir.rstrip("/") + "-index.json") as f:
        index = json.load(f)

    def one(name):
        with open(os.path.join(policy_dir, name)) as f:
            text = f.read()
        r = subprocess.run([exe, "--string", text, "--json", "--include-community-auditors"],
                           capture_output=True, text=True, stdin=subprocess.DEVNULL)
        return name, parse(r.stdout)

    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        per_doc = dict(pool.map(one, sorted(index)))
    runs["per-document"] = {
        "command": f"{exe} --string \"$(cat NNN.json)\" --json --include-community-auditors   "
                   f"(x{len(index)} documents, 2 at a time)",
        "seconds": [round(time.perf_counter() - t, 4)], "best": round(time.perf_counter() - t, 4),
        "count": sum(len(v) for v in per_doc.values())}

    # Where the GAAD run put each finding: filepath is the policy ARN, or the principal's ARN
    # for an inline policy.
    in_gaad = {}
    for g in gaad_findings:
        in_gaad.setdefault(key(g), []).append(g["location"].get("filepath"))
    out, true_targets = [], {}
    for name in sorted(per_doc):
        ix = index[name]
        for f in per_doc[name]:
            n = finding("parliament", f["issue"], ix["target"], ix["policy"], actions_of(f), text_of(f))
            n["severity"] = f["severity"]
            n["in_gaad_run"] = ix["target"] in in_gaad.get(key(f), [])
            n["community"] = f["issue"] in ("PRIVILEGE_ESCALATION", "PERMISSIONS_MANAGEMENT_ACTIONS",
                                            "CREDENTIALS_EXPOSURE", "SENSITIVE_ACCESS",
                                            "NOTRESOURCE_WITH_ALLOW", "NOTPRINCIPAL_WITH_ALLOW",
                                            "SINGLE_VALUE_CONDITION_TOO_PERMISSIVE")
            out.append(n)
            true_targets.setdefault(key(f), set()).add(ix["target"])
    misattributed = [
        {"issue": g["issue"], "reported_on": g["location"].get("filepath"),
         "really_in": sorted(true_targets.get(key(g), [])), "detail": text_of(g)}
        for g in gaad_findings if g["location"].get("filepath") not in true_targets.get(key(g), set())]
    save(out_path, {"tool": "parliament", "version": version, "runs": runs, "findings": out,
                    "gaad_run_misattributed": misattributed,
                    "note": "AWS managed policies are skipped by --auth-details-file and are not "
                            "linted here either"})


if __name__ == "__main__":
    main()
