#!/usr/bin/env python3
"""Runs the iamdojo release binary (`simulate-custom-policy --cli-input-json`) on the cases
and on the speed workloads.

Usage:
  iamdojo_driver.py cases BINARY CASES.json OUT.json
  iamdojo_driver.py bench BINARY WORKLOADS.json OUT.json SCRATCH_DIR

Correctness: one process per (case, distinct resource), with every action of that case
on that resource in ActionNames.

Speed: the CLI only, nothing asked of Rust. For each (action, resource template) pair of a
workload, one call decides that action on N distinct resources (ResourceArns = the template
filled with 0..N-1), and one call decides it on one resource. decisions/s = total extra
decisions / total extra wall time (big-batch wall time minus one-decision wall time, each the
best of several runs). The extra time therefore includes reading the ARNs and writing each
decision's JSON result, not only the evaluation.
"""
import json
import os
import subprocess
import sys
import tempfile
import time


def run_cli(binary, payload, capture=True):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(payload, f)
        path = f.name
    try:
        p = subprocess.run(
            [binary, "simulate-custom-policy", "--cli-input-json", "file://" + path],
            stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True)
        return p
    finally:
        os.unlink(path)


def case_input(c):
    inp = {
        "PolicyInputList": c["policies"],
        "CallerArn": c["caller_arn"],
    }
    if c["boundaries"]:
        inp["PermissionsBoundaryPolicyInputList"] = c["boundaries"]
    if c["session_policies"]:
        inp["SessionPolicyInputList"] = c["session_policies"]
    if c["scps"]:
        inp["OrderedOrganizationPolicyInputList"] = [
            {"ServiceControlPolicyInputList": level} for level in c["scps"]]
    if c["resource_policy"]:
        inp["ResourcePolicy"] = c["resource_policy"]
    if c["resource_owner"]:
        inp["ResourceOwner"] = c["resource_owner"]
    if c["context"]:
        inp["ContextEntries"] = [
            {k: v for k, v in (("ContextKeyName", x["key"]),
                               ("ContextKeyValues", x["values"]),
                               ("ContextKeyType", x["type"])) if v is not None}
            for x in c["context"]]
    return inp


def cases(binary, cases_path, out):
    with open(cases_path) as f:
        all_cases = json.load(f)
    results = []
    for c in all_cases:
        by_resource = {}
        for i, r in enumerate(c["requests"]):
            by_resource.setdefault(r["resource"], []).append(i)
        got = {}
        errors = {}
        for resource, idxs in by_resource.items():
            actions = []
            for i in idxs:
                if c["requests"][i]["action"] not in actions:
                    actions.append(c["requests"][i]["action"])
            inp = case_input(c)
            inp["ActionNames"] = actions
            inp["ResourceArns"] = [resource]
            p = run_cli(binary, inp)
            if p.returncode != 0:
                for i in idxs:
                    errors[i] = f"exit {p.returncode}: {p.stderr.strip()}"
                continue
            doc = json.loads(p.stdout)
            by_action = {}
            for er in doc.get("EvaluationResults", []):
                by_action[er["EvalActionName"]] = er["EvalDecision"]
            for i in idxs:
                got[i] = by_action.get(c["requests"][i]["action"])
        for i, r in enumerate(c["requests"]):
            results.append({
                "file": c["file"], "case": c["name"], "index": i,
                "action": r["action"], "resource": r["resource"], "expected": r["decision"],
                "got": got.get(i), "unsupported": None, "error": errors.get(i),
            })
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    with open(out, "w") as f:
        json.dump({"tool": "iamdojo", "version": version, "results": results}, f, indent=1)


def best_wall(binary, payload, repeat):
    best = None
    for _ in range(repeat):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(payload, f)
            path = f.name
        try:
            t0 = time.perf_counter()
            p = subprocess.run(
                [binary, "simulate-custom-policy", "--cli-input-json", "file://" + path],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            dt = time.perf_counter() - t0
        finally:
            os.unlink(path)
        if p.returncode != 0:
            raise SystemExit(f"iamdojo failed: {p.stderr}")
        best = dt if best is None else min(best, dt)
    return best


def bench(binary, workloads_path, out):
    with open(workloads_path) as f:
        workloads = json.load(f)
    n = int(os.environ.get("IAMDOJO_BENCH_BATCH", "100000"))
    repeat = int(os.environ.get("IAMDOJO_BENCH_REPEAT", "3"))
    res = {}
    for name, w in workloads.items():
        base = {
            "PolicyInputList": [json.dumps(p) for p in w["policies"]],
            "CallerArn": w["caller"],
            "ContextEntries": [
                {"ContextKeyName": k, "ContextKeyValues": [v["value"]], "ContextKeyType": v["type"]}
                for k, v in w["context"].items()],
        }
        # Same decisions as the peers: each pair's action on its own resource template.
        # The decision of each pair (resource n = 0), to compare with the other tools.
        pair_decisions = []
        for action, template in w["pairs"]:
            p = run_cli(binary, dict(base, ActionNames=[action], ResourceArns=[template.format(n=0)]))
            pair_decisions.append(json.loads(p.stdout)["EvaluationResults"][0]["EvalDecision"]
                                  if p.returncode == 0 else f"error: {p.stderr.strip()}")
        per_pair = max(1, n // len(w["pairs"]))
        big_total = small_total = 0.0
        decisions = 0
        for action, template in w["pairs"]:
            big = dict(base, ActionNames=[action],
                       ResourceArns=[template.format(n=i) for i in range(per_pair)])
            small = dict(base, ActionNames=[action], ResourceArns=[template.format(n=0)])
            big_total += best_wall(binary, big, repeat)
            small_total += best_wall(binary, small, repeat)
            decisions += per_pair - 1
        extra = big_total - small_total
        res[name] = {
            "decisions": decisions, "extra_wall_s": extra,
            "one_decision_wall_s": small_total / len(w["pairs"]),
            "decisions_per_s": decisions / extra if extra > 0 else None,
            "method": f"CLI: {len(w['pairs'])} calls x {per_pair} resources each, minus the same calls "
                      f"with 1 resource; best of {repeat}",
            "pair_decisions": pair_decisions,
        }
        print(f"iamdojo {name}: {res[name]['decisions_per_s']:.0f} decisions/s", file=sys.stderr)
    with open(out, "w") as f:
        json.dump(res, f, indent=1)


if __name__ == "__main__":
    if sys.argv[1] == "cases":
        cases(sys.argv[2], sys.argv[3], sys.argv[4])
    elif sys.argv[1] == "bench":
        bench(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        raise SystemExit(__doc__)
